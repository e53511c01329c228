"""Services as separate ``mungmo serve`` processes, as operators run them when one
machine is no longer enough (tests/infra, MariaDB + Kafka)."""

import asyncio
import os
import signal
import socket
import subprocess
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from tests.support.polling import eventually


@dataclass(frozen=True)
class CommandRun:
    returncode: int
    stdout: str
    stderr: str


async def run_mungmo(env: dict[str, str], *args: str) -> CommandRun:
    """Runs ``mungmo <args>`` in a process of its own, as an operator would."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "mungmo.cli",
        *args,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    stdout, stderr = await asyncio.wait_for(process.communicate(), 120)
    return CommandRun(process.returncode or 0, stdout.decode(), stderr.decode())


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@asynccontextmanager
async def serve(service: str, env: dict[str, str], data_dir: Path) -> AsyncIterator[str]:
    """Starts ``mungmo serve <service>``, waits until it is ready, yields its base URL."""
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
