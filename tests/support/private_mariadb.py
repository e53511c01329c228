"""A MariaDB server of a test's own (scripts/mariadb.sh on a free port under a temp
dir), for fault tests that kill it: the shared test server must never be touched."""

import asyncio
import os
import signal
import socket
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "mariadb.sh"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class PrivateMariaDB:
    data_dir: Path
    port: int

    @property
    def url(self) -> str:
        return f"mysql+aiomysql://mungmo:mungmo@127.0.0.1:{self.port}/"

    def database_url(self, name: str) -> str:
        return f"{self.url}{name}"

    def _env(self) -> dict[str, str]:
        return {
            **os.environ,
            "MUNGMO_DATA_DIR": str(self.data_dir),
            "MUNGMO_MARIADB_PORT": str(self.port),
            "MUNGMO_MARIADB_START_TIMEOUT": "120",
        }

    async def _script(self, action: str) -> None:
        process = await asyncio.create_subprocess_exec(
            "bash",
            str(SCRIPT),
            action,
            env=self._env(),
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
        )
        output, _ = await asyncio.wait_for(process.communicate(), 300)
        if process.returncode != 0:
            raise RuntimeError(f"mariadb.sh {action} failed:\n{output.decode()}")

    async def start(self) -> None:
        await self._script("start")

    async def stop(self) -> None:
        await self._script("stop")

    def kill(self) -> int:
        """SIGKILL, as a crash: no shutdown, no flush beyond what InnoDB made durable."""
        pid = int((self.data_dir / "mariadb" / "mariadb.pid").read_text().strip())
        os.kill(pid, signal.SIGKILL)
        return pid
