"""Identity and member as separate processes (``mungmo serve``) on MariaDB and Kafka:
the deployment operators run when one machine is no longer enough."""

import asyncio
import os
import signal
import socket
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx

from tests.support.builders import PASSWORD, account_body
from tests.support.polling import eventually
from tests.support.stack import KAFKA_BOOTSTRAP, Stack


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@asynccontextmanager
async def serve(service: str, env: dict[str, str], data_dir: Path) -> AsyncIterator[str]:
    port = _free_port()
    log = (data_dir / f"{service}.log").open("w")
    process = subprocess.Popen(  # noqa: ASYNC220 - starting it does not block
        [sys.executable, "-m", "mungmo.cli", "serve", service, "--port", str(port)],
        env={**os.environ, **env, "MUNGMO_DATA_DIR": str(data_dir / service)},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        async with httpx.AsyncClient(base_url=base, timeout=5) as client:

            async def ready() -> int:
                if process.poll() is not None:
                    raise AssertionError((data_dir / f"{service}.log").read_text())
                try:
                    return (await client.get("/ready")).status_code
                except httpx.TransportError:
                    return 0

            await eventually(ready, until=lambda status: status == 200, timeout=60)
        yield base
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            await asyncio.to_thread(process.wait, 20)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


async def test_account_registered_crosses_processes_over_kafka(tmp_path: Path) -> None:
    stack = Stack(kind="real", data_dir=tmp_path)
    try:
        common = {
            "MUNGMO_EVENTS_TRANSPORT": "kafka",
            "MUNGMO_KAFKA_BOOTSTRAP_SERVERS": KAFKA_BOOTSTRAP,
            "MUNGMO_KAFKA_TOPIC_PREFIX": f"split{uuid.uuid4().hex[:8]}.",
            "MUNGMO_LOG_JSON": "true",
        }
        identity_env = {
            **common,
            "MUNGMO_IDENTITY_DATABASE_URL": stack.database_url("identity"),
            "MUNGMO_IDENTITY_ARGON2_MEMORY_KIB": "1024",
            "MUNGMO_IDENTITY_ARGON2_TIME_COST": "1",
        }
        async with serve("identity", identity_env, tmp_path) as identity_url:
            member_env = {
                **common,
                "MUNGMO_MEMBER_DATABASE_URL": stack.database_url("member"),
                "MUNGMO_AUTH_JWKS_URL": f"{identity_url}/.well-known/jwks.json",
            }
            async with (
                serve("member", member_env, tmp_path) as member_url,
                httpx.AsyncClient(base_url=identity_url) as identity,
                httpx.AsyncClient(base_url=member_url) as member,
            ):
                body = account_body()
                created = await identity.post("/api/v1/accounts", json=body)
                assert created.status_code == 201
                login = await identity.post(
                    "/api/v1/auth/login", json={"email": body["email"], "password": PASSWORD}
                )
                headers = {"Authorization": f"Bearer {login.json()['access_token']}"}

                # Each process serves only its own service's API.
                assert (
                    await identity.get("/api/v1/members/me", headers=headers)
                ).status_code == 404
                assert (await member.post("/api/v1/accounts", json=body)).status_code == 404

                async def my_profile() -> httpx.Response:
                    return await member.get("/api/v1/members/me", headers=headers)

                profile = await eventually(my_profile, until=lambda r: r.status_code == 200)
                assert profile.json()["nickname"] == body["nickname"]
                assert profile.json()["trust_score"] == 30

                # The member process verifies tokens with the identity process's public keys.
                forged = headers["Authorization"][:-4] + "AAAA"
                refused = await member.get("/api/v1/members/me", headers={"Authorization": forged})
                assert refused.status_code == 401
    finally:
        await stack.drop_databases()
