"""A tiny service used only by tests to exercise the event platform end to end:
it emits ``ProbeRecorded`` events and its consumer records each one as a row."""

import asyncio
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

from sqlalchemy import Integer, String, func, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from mungmo.platform.db import Database, IdMixin, UnitOfWork, service_metadata
from mungmo.platform.events.consumer import EventConsumer, EventHandler, Processed
from mungmo.platform.events.contract import Event, contract
from mungmo.platform.events.factory import build_transport
from mungmo.platform.events.relay import OutboxRelay
from mungmo.platform.events.transport import Transport
from tests.support.stack import Stack


class ProbeBase(DeclarativeBase):
    metadata = service_metadata()


class Effect(IdMixin, ProbeBase):
    __tablename__ = "probe_effects"

    key: Mapped[str] = mapped_column(String(64))
    n: Mapped[int] = mapped_column(Integer)
    event_id: Mapped[str] = mapped_column(String(36))


@contract(source="probe", aggregate="probe", name="ProbeRecorded")
class ProbeRecorded(Event):
    key: str
    n: int
    poison: bool = False


@dataclass
class ProbeNode:
    """One 'process' of the probe service: database, relay, consumer."""

    stack: Stack
    database: Database
    transport: Transport
    service: str
    applied: list[tuple[str, int]] = field(default_factory=list)
    processed: list[Processed] = field(default_factory=list)
    _tasks: list[asyncio.Task[None]] = field(default_factory=list)
    consumer: EventConsumer | None = None
    relay: OutboxRelay | None = None

    def uow(self, **kwargs: object) -> UnitOfWork:
        return UnitOfWork(self.database, topic_prefix=self.stack.private_topic_prefix, **kwargs)  # type: ignore[arg-type]

    async def emit(self, key: str, numbers: range, *, poison: set[int] | None = None) -> None:
        """One transaction emitting one event per number, in order."""
        async with self.uow() as uow:
            for n in numbers:
                uow.emit(ProbeRecorded(key=key, n=n, poison=n in (poison or set())), key=key)
            await uow.commit()

    async def on_probe_recorded(self, event: ProbeRecorded, uow: UnitOfWork) -> None:
        if event.poison:
            raise ValueError(f"poison event {event.n}")
        async with uow:
            uow.session.add(Effect(key=event.key, n=event.n, event_id="-"))
            await uow.commit()
        self.applied.append((event.key, event.n))

    def start_relay(self) -> OutboxRelay:
        self.relay = OutboxRelay(
            self.database, self.transport, service=self.service, poll_seconds=0.1
        )
        self._tasks.append(asyncio.create_task(self.relay.run()))
        return self.relay

    async def start_consumer(self) -> EventConsumer:
        consumer = EventConsumer(
            service=self.service,
            transport=self.transport,
            handlers=[
                EventHandler(ProbeRecorded, self.on_probe_recorded, name=f"{self.service}.record")
            ],
            uow_factory=self.uow,
            topic_prefix=self.stack.private_topic_prefix,
            max_attempts=3,
            backoff_seconds=0.01,
        )
        consumer.observers.append(self.processed.append)
        self.consumer = consumer
        self._tasks.append(asyncio.create_task(consumer.run()))
        await asyncio.wait_for(consumer.ready.wait(), 30)
        return consumer

    async def stop_tasks(self) -> None:
        """Like a process dying: background work stops wherever it is."""
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        self._tasks.clear()

    async def effects(self, key: str) -> list[int]:
        async with self.database.session() as session:
            rows = await session.scalars(
                select(Effect.n).where(Effect.key == key).order_by(Effect.id)
            )
            return list(rows)

    async def effect_count(self) -> int:
        async with self.database.session() as session:
            return int(await session.scalar(select(func.count()).select_from(Effect)) or 0)

    async def unpublished(self) -> int:
        outbox = self.database.messaging.outbox
        async with self.database.session() as session:
            count = await session.scalar(
                select(func.count()).select_from(outbox).where(outbox.c.published_at.is_(None))
            )
            return int(count or 0)


@asynccontextmanager
async def probe_node(
    stack: Stack, *, service: str | None = None, database_url: str | None = None
) -> AsyncIterator[ProbeNode]:
    """A probe process on the stack. Give ``service`` and ``database_url`` to 'restart'
    a node on the same database and consumer group."""
    service = service or f"probe{uuid.uuid4().hex[:6]}"
    url = database_url or stack.database_url(service)
    database = Database(url, ProbeBase.metadata, name=service)
    from mungmo.platform.db.database import ensure_database_exists

    await ensure_database_exists(url)
    async with database.engine.begin() as connection:
        await connection.run_sync(ProbeBase.metadata.create_all)
    transport = build_transport(stack.platform_settings(), client_id=service)
    await transport.start([stack.private_topic_prefix + ProbeRecorded.topic])
    node = ProbeNode(stack=stack, database=database, transport=transport, service=service)
    try:
        yield node
    finally:
        await node.stop_tasks()
        await transport.stop()
        await database.dispose()
