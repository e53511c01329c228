"""Outbox relay: publishes committed outbox rows in sequence order, then marks them sent.

A crash after publishing and before marking re-publishes those rows; consumers'
inboxes drop the duplicates. When the log acknowledges only the start of a batch,
that start is marked. A row the log refuses for good (too large) is tried
``max_refusals`` times and then parked, visibly (``parked_at``, a log line and
``mungmo_outbox_parked_total``); later rows of its key wait with it, other keys go on.
A lease row keeps one relay per service database active at a time. Order per key
does not depend on it: every relay sends a key's rows from the oldest unpublished
one, without gaps, and marks only what the log acknowledged, so however two relays
interleave (one paused past its lease, then resumed), the first copy of each event
reaches the log in key order and later copies are duplicates that inboxes drop. A
relay whose lease ran out while it held a batch does not send it, and never un-parks
a row another relay parked.
"""

import asyncio
import contextlib
import json
import uuid
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Row, delete, insert, select, tuple_, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from mungmo.platform.clock import Clock, utc_now
from mungmo.platform.db.database import Database
from mungmo.platform.events.envelope import Envelope
from mungmo.platform.events.failures import is_infrastructure_error
from mungmo.platform.events.transport import OutgoingMessage, PublishFailed, Transport
from mungmo.platform.logging import get_logger
from mungmo.platform.metrics import Metrics

log = get_logger(__name__)

LEASE_NAME = "outbox"


class OutboxRelay:
    def __init__(
        self,
        database: Database,
        transport: Transport,
        *,
        service: str,
        metrics: Metrics | None = None,
        batch_size: int = 500,
        poll_seconds: float = 0.5,
        lease_seconds: float = 15.0,
        max_refusals: int = 5,
        clock: Clock = utc_now,
    ) -> None:
        self._database = database
        self._transport = transport
        self._service = service
        self._metrics = metrics
        self._batch_size = batch_size
        self._poll_seconds = poll_seconds
        self._lease = timedelta(seconds=lease_seconds)
        self._max_refusals = max_refusals
        self._clock = clock
        self._holder = uuid.uuid4().hex
        # When the lease row we last wrote runs out. While more than half of it is left
        # the relay does not write it again: one write fewer on the path of every event.
        self._lease_until: datetime | None = None
        self._wake = asyncio.Event()
        database.on_events_committed(self._wake.set)

    async def run(self) -> None:
        try:
            await self._run()
        finally:
            # A relay stopping on purpose hands the lease back, so the next instance
            # need not wait for it to expire; a crashed one's lease simply runs out.
            with contextlib.suppress(Exception):
                await asyncio.shield(self._release_lease())

    async def _release_lease(self) -> None:
        self._lease_until = None
        lease = self._database.messaging.relay_lease
        async with self._database.session() as session, session.begin():
            await session.execute(
                delete(lease).where(lease.c.name == LEASE_NAME, lease.c.holder == self._holder)
            )

    async def _run(self) -> None:
        failures = 0
        while True:
            try:
                # Clear before reading: a commit landing while we publish must wake
                # the next round instead of being erased after it.
                self._wake.clear()
                published = await self.publish_pending()
                failures = 0
            except asyncio.CancelledError:
                raise
            except Exception as error:  # broker or database away: back off and retry
                self._lease_until = None  # its write may not have committed: check again
                failures += 1
                delay = min(self._poll_seconds * 2**failures, 10.0)
                log.warning("relay.publish_failed", service=self._service, error=str(error))
                await asyncio.sleep(delay)
                continue
            if published >= self._batch_size:
                continue
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(self._poll_seconds):
                    await self._wake.wait()

    async def publish_pending(self) -> int:
        """Publishes one batch; returns how many rows it published."""
        outbox = self._database.messaging.outbox
        # Later rows of a parked row's key wait with it: publishing them would reorder.
        parked = select(outbox.c.topic, outbox.c.event_key).where(outbox.c.parked_at.is_not(None))
        async with self._database.session() as session, session.begin():
            if not await self._hold_lease(session):
                return 0
            rows = list(
                (
                    await session.execute(
                        select(outbox)
                        .where(
                            outbox.c.published_at.is_(None),
                            outbox.c.parked_at.is_(None),
                            tuple_(outbox.c.topic, outbox.c.event_key).not_in(parked),
                        )
                        .order_by(outbox.c.seq)
                        .limit(self._batch_size)
                    )
                ).all()
            )
        if self._metrics is not None:
            self._metrics.outbox_pending.labels(self._service).set(len(rows))
        published = 0
        refusals = {row.seq: row.publish_attempts for row in rows}
        while rows:
            if not self._lease_left():
                # Paused (or slow) past the lease while holding this batch: another relay
                # may have taken over and sent it, and newer rows after it. Sending it now
                # would only deliver duplicates late; the next round checks the lease.
                log.warning("relay.lease_ran_out", service=self._service, unsent=len(rows))
                break
            try:
                await self._transport.publish([_message(row) for row in rows])
                acknowledged, failure = len(rows), None
            except PublishFailed as failed:
                acknowledged, failure = failed.acknowledged, failed
            # Mark what the log acknowledged, so a failure later in the batch does not
            # publish it again (and again) every round.
            await self._mark_published(rows[:acknowledged])
            published += acknowledged
            if failure is None:
                break
            if is_infrastructure_error(failure.error):
                raise failure  # the broker is away: run() backs off and tries again
            refused = rows[acknowledged]
            rows = rows[acknowledged:]
            refusals[refused.seq] += 1
            if await self._refused(refused, failure.error, refusals[refused.seq]):
                key = (refused.topic, refused.event_key)
                rows = [row for row in rows if (row.topic, row.event_key) != key]
        return published

    async def _mark_published(self, rows: list[Row[Any]]) -> None:
        if not rows:
            return
        outbox = self._database.messaging.outbox
        async with self._database.session() as session, session.begin():
            await session.execute(
                update(outbox)
                .where(outbox.c.seq.in_([row.seq for row in rows]))
                .values(published_at=self._clock())
            )
        if self._metrics is not None:
            self._metrics.events_published.labels(self._service).inc(len(rows))

    async def _refused(self, row: Row[Any], error: BaseException, attempts: int) -> bool:
        """Records the ``attempts``-th refusal of ``row``; parks it at the limit."""
        outbox = self._database.messaging.outbox
        park: bool = attempts >= self._max_refusals
        reason = f"{type(error).__name__}: {error}"[:2000]
        async with self._database.session() as session, session.begin():
            result = await session.execute(
                update(outbox)
                # A relay that lost its lease may still be retrying the row: it must not
                # un-park what the relay now holding the lease parked meanwhile.
                .where(outbox.c.seq == row.seq, outbox.c.parked_at.is_(None))
                .values(
                    publish_attempts=attempts,
                    parked_at=self._clock() if park else None,
                    park_reason=reason,
                )
            )
        if not result.rowcount:  # type: ignore[attr-defined]
            return True  # parked already: its key waits, as for a row parked here
        log.warning(
            "relay.row_parked" if park else "relay.row_refused",
            service=self._service,
            seq=row.seq,
            event_id=row.event_id,
            event_type=row.event_type,
            topic=row.topic,
            key=row.event_key,
            attempts=attempts,
            error=reason,
        )
        if park and self._metrics is not None:
            self._metrics.outbox_parked.labels(self._service).inc()
        return park

    def _lease_left(self) -> bool:
        return self._lease_until is not None and self._clock() < self._lease_until

    async def _hold_lease(self, session: AsyncSession) -> bool:
        now = self._clock()
        if self._lease_until is not None and now < self._lease_until - self._lease / 2:
            return True
        self._lease_until = None
        if not await self._write_lease(session, now):
            return False
        self._lease_until = now + self._lease
        return True

    async def _write_lease(self, session: AsyncSession, now: datetime) -> bool:
        """Takes or renews the lease row; False when another live relay holds it."""
        lease = self._database.messaging.relay_lease
        result = await session.execute(
            update(lease)
            .where(
                lease.c.name == LEASE_NAME,
                (lease.c.holder == self._holder) | (lease.c.expires_at < now),
            )
            .values(holder=self._holder, expires_at=now + self._lease)
        )
        if result.rowcount:  # type: ignore[attr-defined]
            return True
        exists = await session.scalar(select(lease.c.name).where(lease.c.name == LEASE_NAME))
        if exists:
            return False
        try:
            async with session.begin_nested():
                await session.execute(
                    insert(lease).values(
                        name=LEASE_NAME,
                        holder=self._holder,
                        expires_at=now + self._lease,
                    )
                )
        except IntegrityError:
            return False
        return True


def _message(row: Row[Any]) -> OutgoingMessage:
    envelope = Envelope(
        id=uuid.UUID(row.event_id),
        type=row.event_type,
        version=row.event_version,
        source=row.source,
        key=row.event_key,
        time=row.occurred_at,
        trace_id=row.trace_id,
        payload=json.loads(row.payload),
    )
    return OutgoingMessage(
        topic=row.topic,
        key=envelope.key,
        value=envelope.to_bytes(),
        headers=envelope.headers(),
    )
