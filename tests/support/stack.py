"""The test stack: SQLite + embedded log by default, MariaDB + Kafka with ``--stack=real``."""

import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from sqlalchemy import make_url, text
from sqlalchemy.ext.asyncio import create_async_engine

from mungmo.platform.config import PlatformSettings

StackKind = Literal["embedded", "real"]

SESSION_ID = uuid.uuid4().hex[:10]

MARIADB_URL = os.environ.get(
    "MUNGMO_TEST_MARIADB_URL", "mysql+aiomysql://mungmo:mungmo@127.0.0.1:3307/"
)
KAFKA_BOOTSTRAP = os.environ.get("MUNGMO_TEST_KAFKA_BOOTSTRAP", "127.0.0.1:9092")


@dataclass
class Stack:
    """Hands out isolated databases and topic prefixes for one test."""

    kind: StackKind
    data_dir: Path
    run_id: str = field(default_factory=lambda: uuid.uuid4().hex[:10])
    _databases: list[str] = field(default_factory=list)

    @property
    def topic_prefix(self) -> str:
        """Apps in one test session share topics and consumer groups: creating a
        dozen Kafka topics for every test would dominate the run. Each test still
        has its own databases, and the next app's consumers start after the
        offsets the previous one committed."""
        return f"t{SESSION_ID}." if self.kind == "real" else ""

    @property
    def private_topic_prefix(self) -> str:
        """For tests that read a topic from its start and count what arrives."""
        return f"t{self.run_id}." if self.kind == "real" else ""

    def platform_settings(self, **overrides: object) -> PlatformSettings:
        values: dict[str, object] = {
            "data_dir": self.data_dir,
            "events_transport": "kafka" if self.kind == "real" else "embedded",
            "kafka_bootstrap_servers": KAFKA_BOOTSTRAP,
            "kafka_topic_prefix": self.topic_prefix,
            "relay_poll_seconds": 0.2,
            "consumer_backoff_seconds": 0.01,
            "log_json": False,
            "write_rate_per_minute": 10_000,
        }
        values.update(overrides)
        return PlatformSettings(**values)  # type: ignore[arg-type]

    def database_url(self, service: str) -> str:
        if self.kind == "embedded":
            return f"sqlite+aiosqlite:///{self.data_dir / f'{service}.db'}"
        name = f"t_{self.run_id}_{service}"
        self._databases.append(name)
        return str(make_url(MARIADB_URL).set(database=name).render_as_string(hide_password=False))

    async def drop_databases(self) -> None:
        if not self._databases:
            return
        engine = create_async_engine(MARIADB_URL)
        try:
            async with engine.begin() as connection:
                for name in self._databases:
                    await connection.execute(text(f"DROP DATABASE IF EXISTS `{name}`"))
        finally:
            await engine.dispose()


@asynccontextmanager
async def open_stack(kind: StackKind, data_dir: Path) -> AsyncIterator[Stack]:
    stack = Stack(kind=kind, data_dir=data_dir)
    try:
        yield stack
    finally:
        await stack.drop_databases()
