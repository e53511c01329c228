"""Embedded event log: a durable, Kafka-like log in one SQLite file.

Topics, keys, offsets and consumer groups behave as on Kafka (one partition a
topic, so per-key order is total order). Subscribers in this process are woken
on append; other processes sharing the file see new rows on the next poll.
"""

import asyncio
import contextlib
import json
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import (
    Column,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    and_,
    delete,
    func,
    insert,
    or_,
    select,
)
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncEngine

from mungmo.platform.clock import utc_now
from mungmo.platform.db.database import create_engine_for
from mungmo.platform.db.types import AutoIncrementBigInt, UtcDateTime
from mungmo.platform.events.embedded_groups import Membership, membership_metadata
from mungmo.platform.events.transport import (
    DeadLetter,
    IncomingMessage,
    MessageRefused,
    OnRevoked,
    OutgoingMessage,
    PartitionBatches,
    PublishFailed,
)

_metadata = MetaData()
event_log = Table(
    "event_log",
    _metadata,
    Column("offset", AutoIncrementBigInt, primary_key=True, autoincrement=True),
    Column("topic", String(200), nullable=False, index=True),
    Column("event_key", String(200), nullable=False),
    Column("value", LargeBinary, nullable=False),
    Column("headers", Text, nullable=False),
    Column("appended_at", UtcDateTime, nullable=False),
)
consumer_offsets = Table(
    "consumer_offsets",
    _metadata,
    Column("group_id", String(200), primary_key=True),
    Column("topic", String(200), primary_key=True),
    Column("next_offset", Integer, nullable=False),
)
dead_letters = Table(
    "dead_letters",
    _metadata,
    Column("id", AutoIncrementBigInt, primary_key=True, autoincrement=True),
    Column("consumer", String(200), nullable=False),
    Column("topic", String(200), nullable=False),
    Column("log_offset", Integer, nullable=False),
    Column("event_key", String(200), nullable=True),
    Column("value", LargeBinary, nullable=False),
    Column("error", Text, nullable=False),
    Column("failed_at", UtcDateTime, nullable=False),
)


class EmbeddedLog:
    name = "embedded"

    def __init__(
        self, url: str, *, max_message_bytes: int = 1_048_576, session_seconds: float = 10.0
    ) -> None:
        self._url = url
        self._session_seconds = session_seconds
        # Like Kafka's message.max.bytes, so a message too big for a broker fails here too.
        self._max_message_bytes = max_message_bytes
        self._engine: AsyncEngine | None = None
        self._appended = asyncio.Event()

    @property
    def engine(self) -> AsyncEngine:
        if self._engine is None:
            raise RuntimeError("embedded log not started")
        return self._engine

    async def start(self, topics: Sequence[str]) -> None:
        if self._engine is None:
            self._engine = create_engine_for(self._url, immediate_transactions=False)
            async with self._engine.begin() as connection:
                await connection.run_sync(_metadata.create_all)
                await connection.run_sync(membership_metadata.create_all)

    async def stop(self) -> None:
        if self._engine is not None:
            await self._engine.dispose()
            self._engine = None

    async def ping(self) -> None:
        async with self.engine.connect() as connection:
            await connection.execute(select(1))

    async def publish(self, messages: Sequence[OutgoingMessage]) -> None:
        if not messages:
            return
        for index, message in enumerate(messages):
            if len(message.value) > self._max_message_bytes:
                refused = MessageRefused(
                    f"{len(message.value)} bytes, more than {self._max_message_bytes}"
                )
                # One transaction below: publish the ones before it, then refuse it.
                if index:
                    await self.publish(messages[:index])
                raise PublishFailed(index, refused)
        now = utc_now()
        async with self.engine.begin() as connection:
            for message in messages:
                await connection.execute(
                    insert(event_log).values(
                        topic=message.topic,
                        event_key=message.key,
                        value=message.value,
                        headers=_encode_headers(message.headers),
                        appended_at=now,
                    )
                )
        self._wake_subscribers()

    def _wake_subscribers(self) -> None:
        # Replace the event so waiters that captured the old one all wake exactly once.
        appended, self._appended = self._appended, asyncio.Event()
        appended.set()

    def appended_signal(self) -> asyncio.Event:
        return self._appended

    async def subscribe(
        self, group: str, topics: Sequence[str], *, on_revoked: OnRevoked | None = None
    ) -> "EmbeddedSubscription":
        # One live member per group (see embedded_groups): nothing is ever revoked.
        membership = Membership(self.engine, group, session_seconds=self._session_seconds)
        await membership.join()  # raises GroupMemberActive while another member lives
        async with self.engine.connect() as connection:
            rows = await connection.execute(
                select(consumer_offsets.c.topic, consumer_offsets.c.next_offset).where(
                    consumer_offsets.c.group_id == group,
                    consumer_offsets.c.topic.in_(topics),
                )
            )
            positions = {topic: 0 for topic in topics}
            positions.update({row.topic: row.next_offset for row in rows})
        return EmbeddedSubscription(self, group, positions, membership)

    async def tail(self, topics: Sequence[str]) -> "EmbeddedSubscription":
        """Messages appended from now on, for this reader alone (no group, no commits)."""
        async with self.engine.connect() as connection:
            rows = await connection.execute(
                select(event_log.c.topic, func.max(event_log.c.offset))
                .where(event_log.c.topic.in_(topics))
                .group_by(event_log.c.topic)
            )
            last = {topic: offset for topic, offset in rows}
        positions = {topic: (last.get(topic) or 0) + 1 for topic in topics}
        return EmbeddedSubscription(self, None, positions, None)

    async def prune(self, before: datetime) -> int:
        """Drops messages appended before ``before`` (a group still behind them starts
        at the oldest message kept, like Kafka's earliest reset)."""
        async with self.engine.begin() as connection:
            result = await connection.execute(
                delete(event_log).where(event_log.c.appended_at < before)
            )
        return int(result.rowcount)

    async def dead_letter(self, message: IncomingMessage, *, consumer: str, error: str) -> None:
        async with self.engine.begin() as connection:
            await connection.execute(
                insert(dead_letters).values(
                    consumer=consumer,
                    topic=message.topic,
                    log_offset=message.offset,
                    event_key=message.key,
                    value=message.value,
                    error=error[:4000],
                    failed_at=utc_now(),
                )
            )

    async def list_dead_letters(self, limit: int = 100) -> list[DeadLetter]:
        async with self.engine.connect() as connection:
            rows = await connection.execute(
                select(dead_letters).order_by(dead_letters.c.id.desc()).limit(limit)
            )
            return [
                DeadLetter(
                    id=str(row.id),
                    consumer=row.consumer,
                    topic=row.topic,
                    partition=0,
                    offset=row.log_offset,
                    key=row.event_key,
                    error=row.error,
                    value=row.value.decode(errors="replace"),
                    failed_at=_iso(row.failed_at),
                )
                for row in rows
            ]


class EmbeddedSubscription:
    def __init__(
        self,
        log: EmbeddedLog,
        group: str | None,
        positions: dict[str, int],
        membership: Membership | None,
    ) -> None:
        # Without a group (``tail``) nothing is committed and no membership is kept.
        self._log = log
        self._group = group
        self._positions = positions  # committed: where a new subscription starts
        self._fetched = dict(positions)  # the next offset to hand out
        self._membership = membership
        self._paused: set[str] = set()

    async def fetch(self, *, timeout: float, max_records: int) -> PartitionBatches:
        if self._membership is not None:
            await self._membership.heartbeat()
        signal = self._log.appended_signal()
        batches = await self._read(max_records)
        if batches:
            return batches
        # The timeout doubles as polling, which also sees writers in other processes.
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(timeout):
                await signal.wait()
        return await self._read(max_records)

    async def _read(self, max_records: int) -> PartitionBatches:
        readable = {t: p for t, p in self._fetched.items() if t not in self._paused}
        if not readable:
            return {}
        condition = or_(
            *[
                and_(event_log.c.topic == topic, event_log.c.offset >= position)
                for topic, position in readable.items()
            ]
        )
        async with self._log.engine.connect() as connection:
            rows = await connection.execute(
                select(event_log).where(condition).order_by(event_log.c.offset).limit(max_records)
            )
            batches: PartitionBatches = {}
            for row in rows:
                if row.topic in self._paused:
                    continue
                self._fetched[row.topic] = row.offset + 1
                batches.setdefault((row.topic, 0), []).append(
                    IncomingMessage(
                        topic=row.topic,
                        partition=0,
                        offset=row.offset,
                        key=row.event_key,
                        value=row.value,
                        headers=_decode_headers(row.headers),
                    )
                )
        return batches

    async def commit(self, message: IncomingMessage) -> None:
        next_offset = message.offset + 1
        self._positions[message.topic] = next_offset
        if self._group is None:
            return
        statement = sqlite_insert(consumer_offsets).values(
            group_id=self._group, topic=message.topic, next_offset=next_offset
        )
        async with self._log.engine.begin() as connection:
            await connection.execute(
                statement.on_conflict_do_update(
                    index_elements=["group_id", "topic"],
                    set_={"next_offset": next_offset},
                )
            )

    def pause(self, topic: str, partition: int) -> None:
        self._paused.add(topic)

    def resume(self, topic: str, partition: int) -> None:
        self._paused.discard(topic)

    async def close(self) -> None:
        if self._membership is not None:
            await self._membership.leave()


def _encode_headers(headers: list[tuple[str, bytes]]) -> str:
    return json.dumps([[name, value.decode()] for name, value in headers])


def _decode_headers(raw: str) -> list[tuple[str, bytes]]:
    return [(name, value.encode()) for name, value in json.loads(raw)]


def _iso(moment: datetime) -> str:
    return moment.isoformat()
