"""One async engine per service database, SQLite or MariaDB by URL."""

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import MetaData, event, make_url, text
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from mungmo.platform.db.messaging import MessagingTables


class Database:
    def __init__(
        self,
        url: str,
        metadata: MetaData,
        *,
        name: str,
        lock_timeout_seconds: float | None = None,
    ) -> None:
        self.url = url
        self.name = name
        self.metadata = metadata
        self.messaging = MessagingTables.of(metadata)
        self.engine: AsyncEngine = create_engine_for(url, lock_timeout_seconds=lock_timeout_seconds)
        self.sessions = async_sessionmaker(self.engine, expire_on_commit=False)
        self._commit_listeners: list[Callable[[], None]] = []

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def session(self) -> AsyncSession:
        return self.sessions()

    def on_events_committed(self, listener: Callable[[], None]) -> None:
        """The relay listens here so a commit with events wakes it without polling."""
        self._commit_listeners.append(listener)

    def events_committed(self) -> None:
        for listener in self._commit_listeners:
            listener()

    async def ping(self) -> None:
        async with self.engine.connect() as connection:
            await connection.execute(text("SELECT 1"))

    async def dispose(self) -> None:
        await self.engine.dispose()


def create_engine_for(
    url: str, *, immediate_transactions: bool = True, lock_timeout_seconds: float | None = None
) -> AsyncEngine:
    """``immediate_transactions=False`` suits a SQLite store whose write transactions
    start with their write (the event log): its readers then never hold the lock.
    ``lock_timeout_seconds`` bounds a wait for a lock (SQLite's busy timeout, MariaDB's
    innodb_lock_wait_timeout); by default 30 s on SQLite and the server's on MariaDB."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        timeout = 30.0 if lock_timeout_seconds is None else lock_timeout_seconds
        engine = create_async_engine(url, connect_args={"timeout": timeout})
        _configure_sqlite(engine, immediate=immediate_transactions, busy_ms=int(timeout * 1000))
        return engine
    connect_args: dict[str, Any] = {}
    if lock_timeout_seconds is not None:
        seconds = max(1, round(lock_timeout_seconds))  # MariaDB counts whole seconds
        connect_args["init_command"] = f"SET SESSION innodb_lock_wait_timeout={seconds}"
    engine = create_async_engine(
        url,
        pool_recycle=1800,
        pool_size=10,
        max_overflow=20,
        connect_args=connect_args,
    )
    _ping_idle_connections(engine)
    return engine


# A connection back in the pool for longer than this is pinged before it is handed out.
IDLE_PING_SECONDS = 1.0


def _ping_idle_connections(engine: AsyncEngine) -> None:
    """Pre-ping, but only for connections that sat idle: a ping is a round trip on
    every transaction (the relay's and the consumers' included), and a connection
    used a moment ago was alive a moment ago. A server restart inside that moment
    still breaks one statement; SQLAlchemy then drops the pool, and callers treat
    the error as the database being away (the relay and consumers retry)."""

    @event.listens_for(engine.sync_engine, "checkin")
    def _on_checkin(_dbapi_connection: Any, record: Any) -> None:
        record.info["checked_in_at"] = time.monotonic()

    @event.listens_for(engine.sync_engine, "checkout")
    def _on_checkout(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        idle_since = record.info.get("checked_in_at")
        if idle_since is None or time.monotonic() - idle_since < IDLE_PING_SECONDS:
            return
        try:
            dbapi_connection.ping(False)
        except Exception as error:  # the pool retries the checkout on a new connection
            raise DisconnectionError(str(error)) from error


def _configure_sqlite(engine: AsyncEngine, *, immediate: bool, busy_ms: int) -> None:
    """SQLite allows one writer: take the write lock at BEGIN so concurrent
    transactions queue up instead of failing half-way with 'database is locked'."""

    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # let SQLAlchemy's BEGIN below rule
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={busy_ms}")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


async def ensure_database_exists(url: str) -> None:
    """MariaDB: create the service's database on first start (local and test runs)."""
    parsed = make_url(url)
    if parsed.get_backend_name() not in ("mysql", "mariadb") or not parsed.database:
        return
    server = create_async_engine(parsed.set(database=""))
    try:
        async with server.begin() as connection:
            await connection.execute(
                text(
                    f"CREATE DATABASE IF NOT EXISTS `{parsed.database}` "
                    "CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
                )
            )
    finally:
        await server.dispose()
