"""MungMo apps on one stack each, served by uvicorn on a loopback port."""

import asyncio
import contextlib
import time
import uuid
from collections.abc import Generator
from dataclasses import dataclass, field
from typing import Any

import httpx
import uvicorn
from aiokafka.admin import AIOKafkaAdminClient
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from foundation.options import EFFECT_TIMEOUT, HANDLER, PASSWORD, Options
from foundation.tracing import PipelineTrace
from mungmo.main import create_mungmo_app
from mungmo.platform.config import PlatformSettings
from mungmo.platform.events.consumer import Processed
from mungmo.platform.runtime import Runtime
from mungmo.platform.service import ServiceModule


class _Server(uvicorn.Server):
    @contextlib.contextmanager
    def capture_signals(self) -> Generator[None, None, None]:
        # Several servers share this process: leave Ctrl-C to asyncio.run, so the
        # run's clean-up (databases, topics) still runs.
        yield


async def _serve(server: uvicorn.Server) -> None:
    try:
        await server.serve()
    except SystemExit as stop:  # uvicorn exits the process when the lifespan fails
        raise RuntimeError(f"the app did not start (uvicorn exit {stop.code})") from None


@dataclass
class Account:
    id: str
    email: str


@dataclass
class BenchApp:
    """One MungMo app on one stack, served by uvicorn on a loopback port."""

    stack: str  # "embedded" or "real"
    app: FastAPI
    server: uvicorn.Server
    task: "asyncio.Task[None]"
    client: httpx.AsyncClient
    startup_seconds: float
    trace: PipelineTrace
    effects: dict[str, Processed] = field(default_factory=dict)
    waiters: dict[str, "asyncio.Future[Processed]"] = field(default_factory=dict)

    @property
    def runtime(self) -> Runtime:
        runtime: Runtime = self.app.state.runtime
        return runtime

    def module(self, name: str) -> ServiceModule:
        return next(module for module in self.runtime.modules if module.name == name)

    @property
    def member_group(self) -> str:
        """The member consumer's group: the trace keys its fetches by group."""
        return self.runtime.consumers["member"].group

    def observe(self, processed: Processed) -> None:
        if processed.duplicate or processed.handler != HANDLER:
            return
        account_id = str(processed.envelope.payload["account_id"])
        self.effects[account_id] = processed
        waiter = self.waiters.pop(account_id, None)
        if waiter is not None and not waiter.done():
            waiter.set_result(processed)

    async def effect_of(self, account: Account) -> Processed:
        """Waits until the member service has applied this account's AccountRegistered."""
        return await self.effect_for(account.id)

    async def effect_for(self, account_id: str) -> Processed:
        if account_id in self.effects:
            return self.effects[account_id]
        waiter = asyncio.get_running_loop().create_future()
        self.waiters[account_id] = waiter
        try:
            return await asyncio.wait_for(waiter, EFFECT_TIMEOUT)
        except TimeoutError:
            raise RuntimeError(
                f"{self.stack}: no member profile for account {account_id} after "
                f"{EFFECT_TIMEOUT:.0f} s; see the consumer warnings above"
            ) from None

    async def sign_up(self) -> tuple[Account, float]:
        token = uuid.uuid4().hex[:12]
        body = {
            "email": f"bench-{token}@example.com",
            "password": PASSWORD,
            "nickname": f"b{token}",
        }
        started = time.perf_counter()
        response = await self.client.post("/api/v1/accounts", json=body)
        elapsed = time.perf_counter() - started
        if response.status_code != 201:
            raise RuntimeError(
                f"{self.stack} sign-up failed: {response.status_code} {response.text}"
            )
        return Account(id=str(response.json()["id"]), email=body["email"]), elapsed

    async def log_in(self, account: Account) -> float:
        body = {"email": account.email, "password": PASSWORD}
        started = time.perf_counter()
        response = await self.client.post("/api/v1/auth/login", json=body)
        elapsed = time.perf_counter() - started
        if response.status_code != 200:
            raise RuntimeError(f"{self.stack} login failed: {response.status_code} {response.text}")
        return elapsed

    async def stop(self) -> None:
        await self.client.aclose()
        self.server.should_exit = True
        await self.task


async def start_app(
    stack: str,
    platform_settings: PlatformSettings,
    service_settings: dict[str, Any],
) -> BenchApp:
    """Builds only the services named in ``service_settings`` (identity and member)."""
    app = create_mungmo_app(
        platform_settings, list(service_settings), service_settings=service_settings
    )
    trace = PipelineTrace()
    trace.watch_transport(app.state.runtime)
    server = _Server(
        uvicorn.Config(
            app, host="127.0.0.1", port=0, log_config=None, access_log=False, lifespan="on"
        )
    )
    started = time.perf_counter()
    task = asyncio.create_task(_serve(server), name=f"uvicorn.{stack}")
    while not server.started:
        if task.done():
            task.result()
            raise RuntimeError(f"the {stack} app stopped during start-up")
        await asyncio.sleep(0.01)
    startup = time.perf_counter() - started
    port = server.servers[0].sockets[0].getsockname()[1]
    client = httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=60.0)
    bench_app = BenchApp(stack, app, server, task, client, startup, trace)
    trace.watch_relays(bench_app.runtime)
    bench_app.runtime.consumers["member"].observers.append(bench_app.observe)
    return bench_app


async def drop_databases_and_topics(options: Options, databases: list[str], prefix: str) -> None:
    """Removes what a run made on the real stack: its MariaDB databases and Kafka topics."""
    if databases:
        engine = create_async_engine(options.mariadb_url)
        try:
            async with engine.begin() as connection:
                for name in databases:
                    await connection.execute(text(f"DROP DATABASE IF EXISTS `{name}`"))
        finally:
            await engine.dispose()
    if not options.embedded_only:
        admin = AIOKafkaAdminClient(bootstrap_servers=options.kafka)
        await admin.start()
        try:
            ours = [topic for topic in await admin.list_topics() if topic.startswith(prefix)]
            if ours:
                await admin.delete_topics(ours)
        finally:
            await admin.close()
