"""A Kafka broker of a test's own (scripts/kafka.sh on free ports under a temp dir),
for fault tests that kill it: the shared test broker must never be touched."""

import asyncio
import os
import signal
import socket
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "kafka.sh"


def free_port_pair() -> int:
    """A port whose successor is free too: the KRaft controller listens on port + 1."""
    for _ in range(50):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = int(probe.getsockname()[1])
        with socket.socket() as other:
            try:
                other.bind(("127.0.0.1", port + 1))
            except OSError:
                continue
        return port
    raise RuntimeError("no two free ports in a row")


@dataclass
class PrivateKafka:
    data_dir: Path
    port: int

    @property
    def bootstrap(self) -> str:
        return f"127.0.0.1:{self.port}"

    async def _script(self, action: str) -> None:
        env = {
            **os.environ,
            "MUNGMO_DATA_DIR": str(self.data_dir),
            "MUNGMO_KAFKA_PORT": str(self.port),
            "MUNGMO_KAFKA_START_TIMEOUT": "120",
        }
        process = await asyncio.create_subprocess_exec(
            "bash",
            str(SCRIPT),
            action,
            env=env,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
        )
        output, _ = await asyncio.wait_for(process.communicate(), 300)
        if process.returncode != 0:
            raise RuntimeError(f"kafka.sh {action} failed:\n{output.decode()}")

    async def start(self) -> None:
        await self._script("start")

    async def stop(self) -> None:
        await self._script("stop")

    def kill(self) -> int:
        pid = int((self.data_dir / "kafka" / "kafka.pid").read_text().strip())
        os.kill(pid, signal.SIGKILL)
        return pid
