"""A tiny service used only by tests to exercise the event platform end to end:
it emits ``ProbeRecorded`` events and its consumer records each one as a row."""

import asyncio
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

from sqlalchemy import Integer, String, func, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from mungmo.platform.clock import utc_now
from mungmo.platform.db import Database, IdMixin, UnitOfWork, service_metadata
from mungmo.platform.events.consumer import EventConsumer, EventHandler, Processed
from mungmo.platform.events.contract import Event, contract
from mungmo.platform.events.envelope import Envelope
from mungmo.platform.events.factory import build_transport
from mungmo.platform.events.relay import OutboxRelay
from mungmo.platform.events.transport import DeadLetter, OutgoingMessage, Transport
from mungmo.platform.metrics import Metrics
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


@contract(source="probe", aggregate="probe", name="ProbeRecorded", version=2)
class ProbeRecordedV2(Event):
    """A breaking change of ``ProbeRecorded``: consumers need a new handler for it."""

    key: str
    n: int
    unit: str


@contract(source="probe", aggregate="note", name="ProbeNoted")
class ProbeNoted(Event):
    """On a topic of its own, so tests see one partition held while another flows."""

    key: str
    n: int


PROBE_TOPICS = (ProbeRecorded.topic, ProbeNoted.topic)


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
    metrics: Metrics = field(default_factory=Metrics)
    # Numbers the handler refuses, like a bug that a later deploy fixes.
    refuse: set[int] = field(default_factory=set)
    # Numbers whose use case decides there is nothing to do and returns without commit.
    no_op: set[int] = field(default_factory=set)
    # Keys whose handler waits until the event is set: a slow partition.
    gates: dict[str, asyncio.Event] = field(default_factory=dict)
    waiting_at_gate: set[str] = field(default_factory=set)

    def uow(self, **kwargs: object) -> UnitOfWork:
        return UnitOfWork(self.database, topic_prefix=self.stack.private_topic_prefix, **kwargs)  # type: ignore[arg-type]

    async def emit(self, key: str, numbers: range, *, poison: set[int] | None = None) -> None:
        """One transaction emitting one event per number, in order."""
        async with self.uow() as uow:
            for n in numbers:
                uow.emit(ProbeRecorded(key=key, n=n, poison=n in (poison or set())), key=key)
            await uow.commit()

    async def on_probe_recorded(self, event: ProbeRecorded | ProbeNoted, uow: UnitOfWork) -> None:
        if getattr(event, "poison", False):
            raise ValueError(f"poison event {event.n}")
        if event.n in self.refuse:
            raise ValueError(f"refused event {event.n}")
        gate = self.gates.get(event.key)
        if gate is not None:
            self.waiting_at_gate.add(event.key)
            await gate.wait()
        async with uow:
            uow.session.add(Effect(key=event.key, n=event.n, event_id="-"))
            if event.n in self.no_op:
                return  # what it added is not kept
            await uow.commit()
        self.applied.append((event.key, event.n))

    async def inbox_rows(self) -> int:
        inbox = self.database.messaging.inbox
        async with self.database.session() as session:
            return int(await session.scalar(select(func.count()).select_from(inbox)) or 0)

    async def on_probe_recorded_v2(self, event: ProbeRecordedV2, uow: UnitOfWork) -> None:
        async with uow:
            uow.session.add(Effect(key=event.key, n=event.n, event_id=event.unit))
            await uow.commit()
        self.applied.append((event.key, event.n))

    def start_relay(self) -> OutboxRelay:
        self.relay = OutboxRelay(
            self.database, self.transport, service=self.service, poll_seconds=0.1
        )
        self._tasks.append(asyncio.create_task(self.relay.run()))
        return self.relay

    async def start_consumer(self, *, with_v2: bool = False, notes: bool = False) -> EventConsumer:
        """``with_v2``: the deploy that reads ``ProbeRecorded`` v2; ``notes``: also
        consume ``ProbeNoted`` from its own topic."""
        handlers = [
            EventHandler(ProbeRecorded, self.on_probe_recorded, name=f"{self.service}.record")
        ]
        if with_v2:
            handlers.append(
                EventHandler(
                    ProbeRecordedV2, self.on_probe_recorded_v2, name=f"{self.service}.record"
                )
            )
        if notes:
            handlers.append(
                EventHandler(ProbeNoted, self.on_probe_recorded, name=f"{self.service}.note")
            )
        consumer = EventConsumer(
            service=self.service,
            transport=self.transport,
            handlers=handlers,
            uow_factory=self.uow,
            topic_prefix=self.stack.private_topic_prefix,
            metrics=self.metrics,
            max_attempts=3,
            backoff_seconds=0.01,
            max_backoff_seconds=0.5,
            keys_in_flight=1 if self.database.is_sqlite else 4,  # as the runtime does
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

    async def publish_envelope(
        self, event: Event, *, key: str, event_id: uuid.UUID | None = None
    ) -> uuid.UUID:
        """Straight onto the log, as another service's relay would put it there."""
        envelope = Envelope(
            id=event_id or uuid.uuid4(),
            type=event.event_type,
            version=event.event_version,
            source=event.source,
            key=key,
            time=utc_now(),
            payload=event.model_dump(mode="json"),
        )
        topic = self.stack.private_topic_prefix + event.topic
        await self.transport.publish(
            [OutgoingMessage(topic=topic, key=key, value=envelope.to_bytes())]
        )
        return envelope.id

    async def dead_letters(self) -> list[DeadLetter]:
        return [
            letter
            for letter in await self.transport.list_dead_letters(500)
            if letter.consumer.startswith(f"{self.service}.")
        ]

    async def unpublished(self) -> int:
        outbox = self.database.messaging.outbox
        async with self.database.session() as session:
            count = await session.scalar(
                select(func.count()).select_from(outbox).where(outbox.c.published_at.is_(None))
            )
            return int(count or 0)


@asynccontextmanager
async def probe_node(
    stack: Stack,
    *,
    service: str | None = None,
    database_url: str | None = None,
    lock_timeout_seconds: float | None = None,
    max_message_bytes: int = 1_048_576,
    kafka_bootstrap: str | None = None,
) -> AsyncIterator[ProbeNode]:
    """A probe process on the stack. Give ``service`` and ``database_url`` to 'restart'
    a node on the same database and consumer group."""
    service = service or f"probe{uuid.uuid4().hex[:6]}"
    url = database_url or stack.database_url(service)
    database = Database(
        url, ProbeBase.metadata, name=service, lock_timeout_seconds=lock_timeout_seconds
    )
    from mungmo.platform.db.database import ensure_database_exists

    await ensure_database_exists(url)
    async with database.engine.begin() as connection:
        await connection.run_sync(ProbeBase.metadata.create_all)
    overrides: dict[str, object] = {"events_max_message_bytes": max_message_bytes}
    if kafka_bootstrap is not None:
        overrides["kafka_bootstrap_servers"] = kafka_bootstrap
    transport = build_transport(stack.platform_settings(**overrides), client_id=service)
    await transport.start([stack.private_topic_prefix + t for t in PROBE_TOPICS])
    node = ProbeNode(stack=stack, database=database, transport=transport, service=service)
    try:
        yield node
    finally:
        await node.stop_tasks()
        await transport.stop()
        await database.dispose()
