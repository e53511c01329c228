"""Unit of work: one transaction per use case; events emitted inside it go to the outbox."""

import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Self

from sqlalchemy import Executable, insert
from sqlalchemy.dialects.mysql import insert as mysql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, AsyncSessionTransaction

from mungmo.platform.clock import Clock, utc_now
from mungmo.platform.db.database import Database
from mungmo.platform.errors import DomainError
from mungmo.platform.events.contract import Event
from mungmo.platform.events.envelope import payload_json
from mungmo.platform.ids import new_id
from mungmo.platform.logging import current_trace_id


class EventTooLarge(DomainError):
    """An event bigger than the event log takes would be refused at publish time, long
    after the change committed; refusing it here fails the change that made it."""

    status = 422
    code = "event.too_large"
    title = "The change makes an event larger than the event log accepts"


class DuplicateEvent(Exception):
    """The inbox already holds this (consumer, event id): the effect was applied before."""


@dataclass(frozen=True)
class InboxClaim:
    consumer: str
    event_id: uuid.UUID


class _WholeTransaction:
    """Stands for "no savepoint": this block's work is the whole transaction's."""


_WHOLE_TRANSACTION = _WholeTransaction()


class UnitOfWork:
    def __init__(
        self,
        database: Database,
        *,
        topic_prefix: str = "",
        clock: Clock = utc_now,
        inbox_claim: InboxClaim | None = None,
        max_payload_bytes: int | None = None,
    ) -> None:
        self.database = database
        self.clock = clock
        self._topic_prefix = topic_prefix
        self._inbox_claim = inbox_claim
        self._max_payload_bytes = max_payload_bytes
        self._session: AsyncSession | None = None
        self._pending: list[dict[str, Any]] = []
        self._emitted = 0
        # Inside ``handling()``: the use case's own ``async with``/``commit`` run on
        # savepoints, and the consumer commits once, claim and effects together.
        self._handling = False
        # One entry per open nested ``async with``; None once its work is committed.
        self._savepoints: list[AsyncSessionTransaction | _WholeTransaction | None] = []
        self._blocks_opened = 0

    @property
    def session(self) -> AsyncSession:
        if self._session is None:
            raise RuntimeError("unit of work used outside 'async with'")
        return self._session

    @asynccontextmanager
    async def handling(self) -> AsyncIterator[Self]:
        """The consumer's transaction around one handler: the inbox claim first (a
        duplicate raises ``DuplicateEvent`` here), then whatever the handler's use case
        committed, committed together when the handler returns. A use case that returns
        without committing leaves no effect, but the claim still holds."""
        async with self:
            self._handling = True
            yield self
            self._handling = False
            await self._commit_transaction()

    async def __aenter__(self) -> Self:
        if self._session is not None:
            if self._handling:
                # The handler's first block needs no savepoint: if it ends without
                # committing, the whole transaction is redone with just the claim.
                # Saves two round trips (SAVEPOINT, RELEASE) on every event.
                first = not self._blocks_opened
                self._blocks_opened += 1
                self._savepoints.append(
                    _WHOLE_TRANSACTION if first else await self._session.begin_nested()
                )
                return self
            raise RuntimeError("a unit of work is one transaction; make a new one")
        session = self._session = self.database.session()
        try:
            await session.begin()
            if self._inbox_claim is not None:
                await self._claim_inbox(self._inbox_claim)
        except BaseException:
            # __aexit__ does not run when __aenter__ fails: release the connection here.
            await session.rollback()
            await session.close()
            raise
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._savepoints:
            # A use case inside ``handling()`` that did not commit: drop only its work.
            savepoint = self._savepoints.pop()
            if savepoint is _WHOLE_TRANSACTION:
                self._pending.clear()
                if exc_type is None:  # an error rolls everything back in handling()
                    await self._restart_with_claim_only()
            elif isinstance(savepoint, AsyncSessionTransaction) and savepoint.is_active:
                self._pending.clear()
                await savepoint.rollback()
            return
        session = self.session
        self._handling = False
        try:
            if session.in_transaction():
                await session.rollback()
        finally:
            await session.close()

    async def _restart_with_claim_only(self) -> None:
        session = self.session
        await session.rollback()
        await session.begin()
        if self._inbox_claim is not None:
            await self._claim_inbox(self._inbox_claim)

    async def _claim_inbox(self, claim: InboxClaim) -> None:
        # Insert first: a duplicate delivery fails here before any effect runs.
        inbox = self.database.messaging.inbox
        try:
            await self.session.execute(
                insert(inbox).values(
                    consumer=claim.consumer,
                    event_id=str(claim.event_id),
                    processed_at=self.clock(),
                )
            )
        except IntegrityError as error:
            raise DuplicateEvent(f"{claim.consumer} already processed {claim.event_id}") from error

    def emit(self, event: Event, *, key: uuid.UUID | str) -> uuid.UUID:
        """Store the event in the outbox inside this transaction; the relay publishes it."""
        _ = self.session  # only inside the transaction
        payload = payload_json(event)
        size = len(payload.encode())
        if self._max_payload_bytes is not None and size > self._max_payload_bytes:
            raise EventTooLarge(
                f"{event.event_type} v{event.event_version} payload is {size} bytes; "
                f"the limit is {self._max_payload_bytes} (MUNGMO_EVENTS_MAX_PAYLOAD_BYTES)"
            )
        event_id = new_id()
        values: dict[str, Any] = {
            "event_id": str(event_id),
            "topic": self._topic_prefix + event.topic,
            "event_key": str(key),
            "event_type": event.event_type,
            "event_version": event.event_version,
            "source": event.source,
            "occurred_at": self.clock(),
            "trace_id": current_trace_id(),
            "payload": payload,
        }
        self._pending.append(values)
        return event_id

    async def flush(self) -> None:
        await self.session.flush()
        if self._pending:
            # Lock each key first, in one order so two writers cannot deadlock here: a
            # concurrent writer of the key waits until this transaction ends, so its
            # rows get later sequence numbers and commit later (see MessagingTables).
            for topic, key in sorted({(r["topic"], r["event_key"]) for r in self._pending}):
                await self.session.execute(self._lock_key(topic, key))
            # One insert per row keeps the sequence in emit order.
            for row in self._pending:
                await self.session.execute(insert(self.database.messaging.outbox).values(**row))
            self._emitted += len(self._pending)
            self._pending.clear()

    def _lock_key(self, topic: str, key: str) -> Executable:
        keys = self.database.messaging.outbox_keys
        values = {"topic": topic, "event_key": key, "emits": 1}
        if self.database.is_sqlite:
            return (
                sqlite_insert(keys)
                .values(**values)
                .on_conflict_do_update(
                    index_elements=["topic", "event_key"], set_={"emits": keys.c.emits + 1}
                )
            )
        return mysql_insert(keys).values(**values).on_duplicate_key_update(emits=keys.c.emits + 1)

    async def commit(self) -> None:
        if self._savepoints:
            await self.flush()
            savepoint, self._savepoints[-1] = self._savepoints[-1], None
            if isinstance(savepoint, AsyncSessionTransaction):
                await savepoint.commit()  # released; the consumer commits the transaction
            return
        await self._commit_transaction()

    async def _commit_transaction(self) -> None:
        await self.flush()
        await self.session.commit()
        if self._emitted:
            self.database.events_committed()

    async def rollback(self) -> None:
        self._pending.clear()
        if self._savepoints:
            savepoint, self._savepoints[-1] = self._savepoints[-1], None
            if savepoint is _WHOLE_TRANSACTION:
                await self._restart_with_claim_only()
            elif isinstance(savepoint, AsyncSessionTransaction):
                await savepoint.rollback()
            return
        await self.session.rollback()


UnitOfWorkFactory = Callable[..., UnitOfWork]
