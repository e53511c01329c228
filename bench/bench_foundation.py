"""Foundation benchmark: sign-up, login and event propagation, embedded stack vs real stack.

Everything is measured in one run and reported as figures *and* ratios between them,
because the machine is noisy: absolute milliseconds drift from run to run, ratios of
figures taken side by side drift much less. Configurations are interleaved request by
request (embedded, real, embedded, real, ...) so load changes hit all of them alike.

    uv run python bench/bench_foundation.py [--kafka 127.0.0.1:9092]
        [--mariadb-url mysql+aiomysql://mungmo:mungmo@127.0.0.1:3307/] [--n 200] [--quick]

See bench/README.md for what each figure means. Nothing here is a test: no timing is
checked, only that the requests succeed.
"""

import abc
import argparse
import asyncio
import contextlib
import json
import math
import os
import platform
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Coroutine, Generator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import httpx
import uvicorn
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from fastapi import FastAPI
from sqlalchemy import make_url, select, text
from sqlalchemy.ext.asyncio import create_async_engine

from mungmo.identity.adapters import PasswordHashing
from mungmo.identity.wiring import IdentitySettings
from mungmo.main import create_mungmo_app
from mungmo.member.wiring import MemberSettings
from mungmo.platform.config import PlatformSettings
from mungmo.platform.events.consumer import Processed
from mungmo.platform.events.embedded import EmbeddedLog
from mungmo.platform.events.transport import OutgoingMessage
from mungmo.platform.logging import configure_logging
from mungmo.platform.runtime import Runtime

PASSWORD = "correct-horse-9"
HANDLER = "member.on_account_registered"
RESULTS_DIR = Path(__file__).resolve().parent / "results"
EFFECT_TIMEOUT = 30.0  # seconds; the first Kafka event also waits for the group join
WARM_UP = 3  # unmeasured rounds per app and per raw client (1 with --quick)
# Pause before each isolated sample, so the tail of the previous one (offset commits,
# the member service relaying its own MemberCreated) does not overlap it.
SETTLE = 0.02
BURST = 10  # concurrent sign-ups per burst


def _argon2(time_cost: int, memory_kib: int, parallelism: int) -> dict[str, int]:
    return {
        "argon2_time_cost": time_cost,
        "argon2_memory_kib": memory_kib,
        "argon2_parallelism": parallelism,
    }


def _production_argon2() -> dict[str, int]:
    """The identity service's own defaults, read from its settings class."""
    fields = IdentitySettings.model_fields
    return _argon2(
        fields["argon2_time_cost"].default,
        fields["argon2_memory_kib"].default,
        fields["argon2_parallelism"].default,
    )


CHEAP_ARGON2 = _argon2(1, 1024, 1)


# ---------------------------------------------------------------- figures


@dataclass
class Series:
    label: str
    samples: list[float] = field(default_factory=list)  # seconds

    def add(self, seconds: float) -> None:
        self.samples.append(seconds)

    def summary(self) -> dict[str, Any]:
        ordered = sorted(self.samples)
        return {
            "label": self.label,
            "n": len(ordered),
            "p50_ms": _ms(_percentile(ordered, 0.50)),
            "p99_ms": _ms(_percentile(ordered, 0.99)),
            "mean_ms": _ms(statistics.fmean(ordered)),
            "min_ms": _ms(ordered[0]),
            "max_ms": _ms(ordered[-1]),
            "samples_ms": [_ms(value) for value in self.samples],
        }


def _percentile(ordered: list[float], q: float) -> float:
    """Linear interpolation between closest ranks (numpy's default)."""
    position = (len(ordered) - 1) * q
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 3)


class Figures:
    def __init__(self) -> None:
        self.series: dict[str, Series] = {}

    def series_for(self, key: str, label: str) -> Series:
        return self.series.setdefault(key, Series(label))

    def summaries(self) -> dict[str, dict[str, Any]]:
        return {key: s.summary() for key, s in self.series.items() if s.samples}


# ---------------------------------------------------------------- the app over real HTTP


class _Server(uvicorn.Server):
    @contextlib.contextmanager
    def capture_signals(self) -> Generator[None, None, None]:
        # Several servers share this process: leave Ctrl-C to asyncio.run, so the
        # clean-up below (databases, topics) still runs.
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
    effects: dict[str, Processed] = field(default_factory=dict)
    waiters: dict[str, "asyncio.Future[Processed]"] = field(default_factory=dict)

    @property
    def runtime(self) -> Runtime:
        runtime: Runtime = self.app.state.runtime
        return runtime

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
        if account.id in self.effects:
            return self.effects[account.id]
        waiter = asyncio.get_running_loop().create_future()
        self.waiters[account.id] = waiter
        try:
            return await asyncio.wait_for(waiter, EFFECT_TIMEOUT)
        except TimeoutError:
            raise RuntimeError(
                f"{self.stack}: no member profile for account {account.id} after "
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
    bench_app = BenchApp(stack, app, server, task, client, startup)
    bench_app.runtime.consumers["member"].observers.append(bench_app.observe)
    return bench_app


# ---------------------------------------------------------------- raw transports


class RoundTrip(abc.ABC):
    """Sequential round trips: send one stamped message, wait until the reader has it."""

    def __init__(self) -> None:
        self._waiting: dict[int, asyncio.Future[int]] = {}
        self._seq = 0
        self._reader: asyncio.Task[None] | None = None

    def _received(self, value: bytes) -> None:
        seq = int(value.split(b":", 1)[0])
        waiter = self._waiting.pop(seq, None)
        if waiter is not None and not waiter.done():
            waiter.set_result(time.time_ns())

    async def once(self) -> tuple[float, float]:
        """Returns (send → received, send → publish call returned) in seconds."""
        self._seq += 1
        waiter: asyncio.Future[int] = asyncio.get_running_loop().create_future()
        self._waiting[self._seq] = waiter
        sent = time.time_ns()
        await self._send(self._seq, f"{self._seq}:{sent}".encode())
        published = time.time_ns()
        received = await asyncio.wait_for(waiter, 30)
        return (received - sent) / 1e9, (published - sent) / 1e9

    @abc.abstractmethod
    async def start(self) -> None:
        """Each transport's own."""

    @abc.abstractmethod
    async def stop(self) -> None:
        """Each transport's own."""

    @abc.abstractmethod
    async def _send(self, seq: int, value: bytes) -> None:
        """Each transport's own."""

    def _start_reader(self, work: Callable[[], Coroutine[Any, Any, None]]) -> None:
        self._reader = asyncio.create_task(work())

    async def _stop_reader(self) -> None:
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._reader


class EmbeddedRoundTrip(RoundTrip):
    """EmbeddedLog.publish → EmbeddedSubscription.fetch, as the relay and consumer use them."""

    topic = "bench.raw"

    def __init__(self, url: str) -> None:
        super().__init__()
        self._log = EmbeddedLog(url)

    async def start(self) -> None:
        await self._log.start([self.topic])
        subscription = await self._log.subscribe("bench.raw", [self.topic])

        async def read() -> None:
            while True:
                batches = await subscription.fetch(timeout=0.5, max_records=500)
                for batch in batches.values():
                    for message in batch:
                        self._received(message.value)
                    await subscription.commit(batch[-1])

        self._start_reader(read)

    async def _send(self, seq: int, value: bytes) -> None:
        await self._log.publish([OutgoingMessage(topic=self.topic, key=str(seq), value=value)])

    async def stop(self) -> None:
        await self._stop_reader()
        await self._log.stop()


class KafkaRoundTrip(RoundTrip):
    """aiokafka producer (acks=all, idempotent, linger 1 ms: the platform's settings)
    to a consumer assigned to the same one-partition topic (read_committed)."""

    def __init__(self, bootstrap: str, topic: str) -> None:
        super().__init__()
        self._bootstrap = bootstrap
        self.topic = topic
        self._producer = AIOKafkaProducer(
            bootstrap_servers=bootstrap, acks="all", enable_idempotence=True, linger_ms=1
        )
        self._consumer = AIOKafkaConsumer(
            bootstrap_servers=bootstrap,
            enable_auto_commit=False,
            isolation_level="read_committed",
        )

    async def start(self) -> None:
        admin = AIOKafkaAdminClient(bootstrap_servers=self._bootstrap)
        await admin.start()
        try:
            await admin.create_topics([NewTopic(self.topic, 1, 1)])
            for _ in range(100):
                if self.topic in await admin.list_topics():
                    break
                await asyncio.sleep(0.1)
        finally:
            await admin.close()
        await self._producer.start()
        await self._consumer.start()
        partition = TopicPartition(self.topic, 0)
        self._consumer.assign([partition])
        await self._consumer.seek_to_end(partition)

        async def read() -> None:
            while True:
                records = await self._consumer.getmany(timeout_ms=500, max_records=500)
                for batch in records.values():
                    for record in batch:
                        self._received(record.value)

        self._start_reader(read)

    async def _send(self, seq: int, value: bytes) -> None:
        await self._producer.send_and_wait(self.topic, value=value, key=str(seq).encode())

    async def stop(self) -> None:
        await self._stop_reader()
        await self._consumer.stop()
        await self._producer.stop()


# ---------------------------------------------------------------- the run

T = TypeVar("T")

STACK_NAMES = {"embedded": "SQLite + embedded log", "real": "MariaDB + Kafka"}
TRANSPORTS = {"embedded": "embedded", "real": "kafka"}
TRANSPORT_NAMES = {"embedded": "embedded log", "kafka": "Kafka"}


def _rotate(items: list[T], i: int) -> list[T]:
    """Alternates the order, so no configuration is always the first one measured."""
    return items if i % 2 == 0 else list(reversed(items))


_STARTED = time.perf_counter()


def _progress(message: str) -> None:
    print(f"  [{time.perf_counter() - _STARTED:5.1f} s] {message}", file=sys.stderr, flush=True)


def _latency(processed: Processed) -> float:
    finished: datetime = processed.finished_at
    return (finished - processed.envelope.time).total_seconds()


@dataclass(frozen=True)
class Options:
    kafka: str
    mariadb_url: str
    n: int
    n_production: int
    relay_poll: float
    embedded_only: bool
    quick: bool


class Bench:
    def __init__(self, options: Options, workdir: Path) -> None:
        self.options = options
        self.workdir = workdir
        self.run_id = uuid.uuid4().hex[:8]
        self.figures = Figures()
        self.startup: dict[str, float] = {}
        self.databases: list[str] = []
        self.apps: list[BenchApp] = []
        self.raws: dict[str, RoundTrip] = {}
        self.production = _production_argon2()
        self.stacks = ["embedded"] if options.embedded_only else ["embedded", "real"]
        self.warm_up = 1 if options.quick else WARM_UP

    # -- apps

    def _database_url(self, stack: str, argon: str, service: str) -> str:
        if stack == "embedded":
            return f"sqlite+aiosqlite:///{self.workdir / f'embedded-{argon}' / f'{service}.db'}"
        name = f"bench_{self.run_id}_{argon[0]}_{service}"
        self.databases.append(name)
        url = make_url(self.options.mariadb_url).set(database=name)
        return url.render_as_string(hide_password=False)

    async def _start(self, stack: str, argon: str, argon2: dict[str, int]) -> BenchApp:
        platform_settings = PlatformSettings(
            data_dir=self.workdir / f"{stack}-{argon}",
            events_transport="embedded" if stack == "embedded" else "kafka",
            events_log_url=None,
            kafka_bootstrap_servers=self.options.kafka,
            kafka_topic_prefix=f"bench{self.run_id}{argon[0]}.",
            relay_poll_seconds=self.options.relay_poll,
            write_rate_per_minute=1_000_000,
            log_json=False,
            log_level="WARNING",
        )
        identity = IdentitySettings(
            database_url=self._database_url(stack, argon, "identity"),
            signups_per_hour_per_ip=1_000_000,
            login_attempts_per_minute_per_ip=1_000_000,
            login_failures_per_email=1_000_000,
            **argon2,  # type: ignore[arg-type]
        )
        member = MemberSettings(database_url=self._database_url(stack, argon, "member"))
        app = await start_app(stack, platform_settings, {"identity": identity, "member": member})
        self.apps.append(app)
        self.startup[f"{stack}.{argon}"] = app.startup_seconds
        return app

    async def _start_apps(self, argon: str, argon2: dict[str, int]) -> list[BenchApp]:
        apps = [await self._start(stack, argon, argon2) for stack in self.stacks]
        for app in apps:  # pools, the Kafka group join, first-call costs
            for _ in range(self.warm_up):
                account, _ = await app.sign_up()
                await app.log_in(account)
                await app.effect_of(account)
        return apps

    async def _stop_apps(self) -> None:
        while self.apps:
            await self.apps.pop().stop()

    # -- phases

    async def http_phase(
        self, argon: str, argon2: dict[str, int], n: int, apps: list[BenchApp]
    ) -> dict[str, list[Account]]:
        """Sign-up then login, interleaved across stacks, with the bare hash beside them."""
        hashing = PasswordHashing(
            time_cost=argon2["argon2_time_cost"],
            memory_kib=argon2["argon2_memory_kib"],
            parallelism=argon2["argon2_parallelism"],
        )
        hashes = self.figures.series_for(
            f"argon2.{argon}", f"argon2id hash alone (no HTTP), {argon} params"
        )
        accounts: dict[str, list[Account]] = {app.stack: [] for app in apps}
        for i in range(n):
            started = time.perf_counter()
            await hashing.hash(PASSWORD)
            hashes.add(time.perf_counter() - started)
            for app in _rotate(apps, i):
                account, seconds = await app.sign_up()
                accounts[app.stack].append(account)
                self._http_series("sign-up", app.stack, argon).add(seconds)
                self._http_series("login", app.stack, argon).add(await app.log_in(account))
        return accounts

    def _http_series(self, what: str, stack: str, argon: str) -> Series:
        key = f"{what.replace('-', '')}.{stack}.{argon}"
        return self.figures.series_for(key, f"{what:<7} {STACK_NAMES[stack]}")

    def _propagation(self, stack: str, variant: str = "") -> Series:
        transport = TRANSPORTS[stack]
        label = {
            "": f"emit → applied, over {TRANSPORT_NAMES[transport]}",
            ".relay": "  of which emit → relay's publish returned",
            ".burst.relay": "  of which emit → relay's publish returned",
            ".loaded": f"emit → applied, {TRANSPORT_NAMES[transport]}, during HTTP phase",
            ".burst": f"emit → applied, {TRANSPORT_NAMES[transport]}, {BURST} sign-ups at once",
        }[variant]
        return self.figures.series_for(f"propagation.{transport}{variant}", label)

    async def loaded_propagation(
        self, apps: list[BenchApp], accounts: dict[str, list[Account]]
    ) -> None:
        """Events made while the cheap HTTP phase ran (nobody waited for them)."""
        for app in apps:
            series = self._propagation(app.stack, ".loaded")
            for account in accounts[app.stack]:
                series.add(_latency(await app.effect_of(account)))

    async def propagation_phase(self, apps: list[BenchApp], n: int) -> None:
        """One sign-up at a time, waiting for its effect; raw round trips interleaved."""
        raws = list(self.raws.items())
        for _, raw in raws:
            for _ in range(self.warm_up):
                await raw.once()
        event_ids: dict[str, list[str]] = {app.stack: [] for app in apps}
        for i in range(n):
            for name, raw in _rotate(raws, i):
                await asyncio.sleep(SETTLE)
                received, returned = await raw.once()
                self.figures.series_for(f"raw.{name}", RAW_LABELS[name]).add(received)
                returns = f"raw.{name}.returned"
                self.figures.series_for(returns, RAW_LABELS[f"{name}.returned"]).add(returned)
            for app in _rotate(apps, i):
                await asyncio.sleep(SETTLE)
                account, _ = await app.sign_up()
                processed = await app.effect_of(account)
                self._propagation(app.stack).add(_latency(processed))
                event_ids[app.stack].append(str(processed.envelope.id))
        for app in apps:
            await self._relay_stage(app, event_ids[app.stack], ".relay")

    async def burst_phase(self, apps: list[BenchApp], bursts: int) -> None:
        """BURST sign-ups at once: commits land while the relay is busy publishing."""
        event_ids: dict[str, list[str]] = {app.stack: [] for app in apps}
        for i in range(bursts):
            for app in _rotate(apps, i):
                await asyncio.sleep(SETTLE)
                made = await asyncio.gather(*[app.sign_up() for _ in range(BURST)])
                series = self._propagation(app.stack, ".burst")
                for account, _ in made:
                    processed = await app.effect_of(account)
                    series.add(_latency(processed))
                    event_ids[app.stack].append(str(processed.envelope.id))
        for app in apps:
            await self._relay_stage(app, event_ids[app.stack], ".burst.relay")

    async def _relay_stage(self, app: BenchApp, event_ids: list[str], variant: str) -> None:
        """Reads the relay's published_at back from the identity outbox (read-only)."""
        database = next(m.database for m in app.runtime.modules if m.name == "identity")
        outbox = database.messaging.outbox
        async with database.engine.connect() as connection:
            rows = await connection.execute(
                select(outbox.c.occurred_at, outbox.c.published_at).where(
                    outbox.c.event_id.in_(event_ids)
                )
            )
            series = self._propagation(app.stack, variant)
            for row in rows:
                if row.published_at is not None:
                    series.add((row.published_at - row.occurred_at).total_seconds())

    async def _start_raws(self) -> None:
        embedded = EmbeddedRoundTrip(f"sqlite+aiosqlite:///{self.workdir / 'raw-events.db'}")
        await embedded.start()
        self.raws["embedded"] = embedded
        if not self.options.embedded_only:
            kafka = KafkaRoundTrip(self.options.kafka, f"bench{self.run_id}.raw")
            await kafka.start()
            self.raws["kafka"] = kafka

    # -- the whole run

    async def run(self) -> dict[str, Any]:
        begun = time.perf_counter()
        options = self.options
        _progress(f"production argon2id: starting {len(self.stacks)} app(s)")
        apps = await self._start_apps("production", self.production)
        _progress(f"production argon2id: {options.n_production} sign-ups + logins per stack")
        await self.http_phase("production", self.production, options.n_production, apps)
        # Only one Kafka app at a time: every app's member consumer joins the one
        # group "mungmo.member", and a second member would cause rebalances.
        await self._stop_apps()
        _progress("cheap argon2id: starting app(s) and raw round-trip clients")
        await self._start_raws()
        apps = await self._start_apps("cheap", CHEAP_ARGON2)
        _progress(f"cheap argon2id: {options.n} sign-ups + logins per stack")
        accounts = await self.http_phase("cheap", CHEAP_ARGON2, options.n, apps)
        await self.loaded_propagation(apps, accounts)
        _progress(f"propagation and raw round trips: {options.n} each")
        await self.propagation_phase(apps, options.n)
        bursts = max(2, options.n // 20)
        _progress(f"propagation in bursts: {bursts} × {BURST} concurrent sign-ups per stack")
        await self.burst_phase(apps, bursts)
        return self.report(time.perf_counter() - begun)

    async def clean_up(self) -> None:
        """Stops what still runs and removes the run's databases and topics."""
        with contextlib.suppress(Exception):
            await self._stop_apps()
        for raw in self.raws.values():
            with contextlib.suppress(Exception):
                await raw.stop()
        if self.databases:
            engine = create_async_engine(self.options.mariadb_url)
            try:
                async with engine.begin() as connection:
                    for name in self.databases:
                        await connection.execute(text(f"DROP DATABASE IF EXISTS `{name}`"))
            finally:
                await engine.dispose()
        if not self.options.embedded_only:
            admin = AIOKafkaAdminClient(bootstrap_servers=self.options.kafka)
            await admin.start()
            try:
                prefix = f"bench{self.run_id}"
                ours = [topic for topic in await admin.list_topics() if topic.startswith(prefix)]
                if ours:
                    await admin.delete_topics(ours)
            finally:
                await admin.close()

    def report(self, seconds: float) -> dict[str, Any]:
        options = self.options
        summaries = self.figures.summaries()
        return {
            "run_id": self.run_id,
            "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "wall_seconds": round(seconds, 1),
            "environment": {
                "python": platform.python_version(),
                "platform": platform.platform(),
                "cpus": os.cpu_count(),
            },
            "options": {
                "n": options.n,
                "n_production": options.n_production,
                "quick": options.quick,
                "relay_poll_seconds": options.relay_poll,
                "stacks": self.stacks,
                "kafka": None if options.embedded_only else options.kafka,
                "mariadb": None
                if options.embedded_only
                else make_url(options.mariadb_url).render_as_string(hide_password=True),
                "argon2_production": self.production,
                "argon2_cheap": CHEAP_ARGON2,
            },
            "startup_seconds": {key: round(value, 3) for key, value in self.startup.items()},
            "series": summaries,
            "ratios": ratios(summaries),
            "poll_bound_share": poll_bound_share(self.figures, options.relay_poll),
        }


RAW_LABELS = {
    "embedded": "raw embedded log: publish → fetch",
    "kafka": "raw Kafka: produce → consume (acks=all)",
    "embedded.returned": "  of which publish (insert + commit) returned",
    "kafka.returned": "  of which produce → ack (send_and_wait returned)",
}


# ---------------------------------------------------------------- ratios and the table

RATIOS = [
    ("argon2id hash / sign-up, embedded", "argon2.production", "signup.embedded.production"),
    ("argon2id hash / sign-up, real", "argon2.production", "signup.real.production"),
    (
        "sign-up embedded: production / cheap argon2id",
        "signup.embedded.production",
        "signup.embedded.cheap",
    ),
    ("sign-up real: production / cheap argon2id", "signup.real.production", "signup.real.cheap"),
    (
        "login embedded: production / cheap argon2id",
        "login.embedded.production",
        "login.embedded.cheap",
    ),
    ("login real: production / cheap argon2id", "login.real.production", "login.real.cheap"),
    (
        "sign-up, production argon2id: real / embedded",
        "signup.real.production",
        "signup.embedded.production",
    ),
    (
        "login, production argon2id: real / embedded",
        "login.real.production",
        "login.embedded.production",
    ),
    ("sign-up, cheap argon2id: real / embedded", "signup.real.cheap", "signup.embedded.cheap"),
    ("login, cheap argon2id: real / embedded", "login.real.cheap", "login.embedded.cheap"),
    ("raw round trip: Kafka / embedded log", "raw.kafka", "raw.embedded"),
    (
        "propagation over embedded log / raw embedded round trip",
        "propagation.embedded",
        "raw.embedded",
    ),
    ("propagation over Kafka / raw Kafka round trip", "propagation.kafka", "raw.kafka"),
    ("propagation: Kafka / embedded log", "propagation.kafka", "propagation.embedded"),
    (
        "embedded: emit → published / emit → applied",
        "propagation.embedded.relay",
        "propagation.embedded",
    ),
    ("Kafka: emit → published / emit → applied", "propagation.kafka.relay", "propagation.kafka"),
    (
        "embedded propagation: during HTTP phase / alone",
        "propagation.embedded.loaded",
        "propagation.embedded",
    ),
    (
        "Kafka propagation: during HTTP phase / alone",
        "propagation.kafka.loaded",
        "propagation.kafka",
    ),
    (
        f"embedded propagation: {BURST} at once / alone",
        "propagation.embedded.burst",
        "propagation.embedded",
    ),
    (
        f"Kafka propagation: {BURST} at once / alone",
        "propagation.kafka.burst",
        "propagation.kafka",
    ),
]

SECTIONS = [
    (
        "HTTP, production argon2id ({production})",
        ["argon2.production", "signup.embedded.production", "signup.real.production",
         "login.embedded.production", "login.real.production"],
    ),
    (
        "HTTP, cheap argon2id ({cheap}): the framework's own cost",
        ["argon2.cheap", "signup.embedded.cheap", "signup.real.cheap",
         "login.embedded.cheap", "login.real.cheap"],
    ),
    (
        "Raw transports, one message at a time",
        ["raw.embedded", "raw.embedded.returned", "raw.kafka", "raw.kafka.returned"],
    ),
    (
        "AccountRegistered → member profile committed, one sign-up at a time",
        ["propagation.embedded", "propagation.embedded.relay",
         "propagation.kafka", "propagation.kafka.relay"],
    ),
    (
        "Same under load: the cheap HTTP phase's events (nobody waited), and bursts",
        ["propagation.embedded.loaded", "propagation.kafka.loaded",
         "propagation.embedded.burst", "propagation.embedded.burst.relay",
         "propagation.kafka.burst", "propagation.kafka.burst.relay"],
    ),
]  # fmt: skip


def ratios(summaries: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    found = []
    for label, top, bottom in RATIOS:
        if top in summaries and bottom in summaries:
            a, b = summaries[top], summaries[bottom]
            found.append(
                {
                    "label": label,
                    "numerator": top,
                    "denominator": bottom,
                    "p50": round(a["p50_ms"] / b["p50_ms"], 3) if b["p50_ms"] else None,
                    "p99": round(a["p99_ms"] / b["p99_ms"], 3) if b["p99_ms"] else None,
                }
            )
    return found


PROPAGATION_KEYS = [
    "propagation.embedded",
    "propagation.kafka",
    "propagation.embedded.loaded",
    "propagation.kafka.loaded",
    "propagation.embedded.burst",
    "propagation.kafka.burst",
]


def poll_bound_share(figures: Figures, poll_seconds: float) -> dict[str, float]:
    """Share of propagation samples at or over half the relay poll interval: the sign
    that the relay slept through a commit and only woke on its timer."""
    shares = {}
    for key in PROPAGATION_KEYS:
        series = figures.series.get(key)
        if series is not None and series.samples:
            slow = sum(1 for value in series.samples if value >= poll_seconds / 2)
            shares[key] = round(slow / len(series.samples), 3)
    return shares


def _params(argon2: dict[str, int]) -> str:
    return (
        f"t={argon2['argon2_time_cost']}, m={argon2['argon2_memory_kib']} KiB, "
        f"p={argon2['argon2_parallelism']}"
    )


def render(result: dict[str, Any]) -> str:
    options, series = result["options"], result["series"]
    width = 62
    lines = [
        f"MungMo foundation benchmark — run {result['run_id']}, {result['finished_at']}, "
        f"{result['wall_seconds']} s",
        f"Python {result['environment']['python']}, {result['environment']['platform']}, "
        f"{result['environment']['cpus']} CPUs; n={options['n']} "
        f"(production argon2id n={options['n_production']}); "
        f"relay poll {options['relay_poll_seconds']} s; stacks: {', '.join(options['stacks'])}",
        "",
        f"{'latency in ms':<{width}} {'n':>5} {'p50':>9} {'p99':>9} {'mean':>9}",
    ]
    for title, keys in SECTIONS:
        present = [key for key in keys if key in series]
        if not present:
            continue
        heading = title.format(
            production=_params(options["argon2_production"]),
            cheap=_params(options["argon2_cheap"]),
        )
        lines += ["", heading]
        for key in present:
            s = series[key]
            lines.append(
                f"  {s['label']:<{width - 2}} {s['n']:>5} {s['p50_ms']:>9.2f} "
                f"{s['p99_ms']:>9.2f} {s['mean_ms']:>9.2f}"
            )
    lines += ["", f"{'ratios, same run':<{width}} {'p50':>9} {'p99':>9}"]
    for ratio in result["ratios"]:
        lines.append(
            f"  {ratio['label']:<{width - 2}} {_times(ratio['p50']):>9} {_times(ratio['p99']):>9}"
        )
    lines += ["", "start-up (uvicorn start → lifespan done, seconds):"]
    lines.append(
        "  " + ", ".join(f"{key} {value:.2f}" for key, value in result["startup_seconds"].items())
    )
    half = options["relay_poll_seconds"] / 2 * 1000
    lines += ["", f"propagation samples ≥ half the relay poll interval ({half:.0f} ms):"]
    lines.append(
        "  "
        + ", ".join(
            f"{key.removeprefix('propagation.')} {share:.0%}"
            for key, share in result["poll_bound_share"].items()
        )
    )
    return "\n".join(lines)


def _times(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}×"


# ---------------------------------------------------------------- entry point


def parse_options(argv: list[str] | None = None) -> Options:
    parser = argparse.ArgumentParser(
        description="Sign-up, login and event propagation, embedded stack vs MariaDB + Kafka."
    )
    parser.add_argument("--kafka", default="127.0.0.1:9092", help="Kafka bootstrap servers")
    parser.add_argument(
        "--mariadb-url",
        default="mysql+aiomysql://mungmo:mungmo@127.0.0.1:3307/",
        help="MariaDB server URL; the run creates and then drops its own databases",
    )
    parser.add_argument(
        "--n",
        type=int,
        help="samples per figure with cheap argon2id, and per propagation or round-trip "
        "figure (default 200; 20 with --quick)",
    )
    parser.add_argument(
        "--n-production",
        type=int,
        help="sign-ups and logins per stack with production argon2id, a third of a second "
        "each on a small machine (default 30; 3 with --quick)",
    )
    parser.add_argument(
        "--relay-poll",
        type=float,
        default=0.5,
        help="relay_poll_seconds for the apps (default 0.5, the production default)",
    )
    parser.add_argument(
        "--embedded-only", action="store_true", help="skip MariaDB and Kafka entirely"
    )
    parser.add_argument("--quick", action="store_true", help="a fast smoke run (~30 s)")
    args = parser.parse_args(argv)
    n = args.n if args.n is not None else (20 if args.quick else 200)
    n_production = args.n_production if args.n_production is not None else (3 if args.quick else 30)
    if n < 1 or n_production < 1:
        parser.error("--n and --n-production must be at least 1")
    return Options(
        kafka=args.kafka,
        mariadb_url=args.mariadb_url,
        n=n,
        n_production=n_production,
        relay_poll=args.relay_poll,
        embedded_only=args.embedded_only,
        quick=args.quick,
    )


async def preflight(options: Options) -> None:
    """Fails fast, with the fix, when MariaDB or Kafka is not there."""
    if options.embedded_only:
        return
    engine = create_async_engine(options.mariadb_url)
    try:
        async with asyncio.timeout(10), engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
    except Exception as error:
        raise SystemExit(
            f"MariaDB at {make_url(options.mariadb_url)} is not reachable ({error!r}); "
            "run scripts/mariadb.sh start, or pass --embedded-only"
        ) from None
    finally:
        await engine.dispose()
    admin = AIOKafkaAdminClient(bootstrap_servers=options.kafka, request_timeout_ms=10_000)
    try:
        async with asyncio.timeout(15):
            await admin.start()
            await admin.list_topics()
    except Exception as error:
        raise SystemExit(
            f"Kafka at {options.kafka} is not reachable ({error!r}); "
            "run scripts/kafka.sh start, or pass --embedded-only"
        ) from None
    finally:
        await admin.close()


def write_json(result: dict[str, Any]) -> Path:
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    path = RESULTS_DIR / f"foundation-{stamp}.json"
    path.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    return path


async def main_async(options: Options) -> None:
    configure_logging("WARNING", json=False)
    await preflight(options)
    with tempfile.TemporaryDirectory(prefix="mungmo-bench-") as workdir:
        bench = Bench(options, Path(workdir))
        try:
            result = await bench.run()
        finally:
            await bench.clean_up()
    path = write_json(result)
    print(render(result))
    shown = path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path
    print(f"\nfigures and samples: {shown}")


def main(argv: list[str] | None = None) -> None:
    options = parse_options(argv)
    try:
        asyncio.run(main_async(options))
    except KeyboardInterrupt:
        # asyncio.run cancelled the run, and clean_up still dropped its databases and topics.
        print("interrupted; the run's databases and topics were removed", file=sys.stderr)
        raise SystemExit(130) from None


if __name__ == "__main__":
    main()
