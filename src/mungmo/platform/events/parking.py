"""Outbox rows the relay parked (the log refused them ``relay_max_refusals`` times): listed
for operators and released once the cause is fixed (a raised size limit, a broker
setting), so the relay tries them again.

A released row is the oldest unpublished row of its key (later rows of the key waited
behind it), so the relay publishes it first and the waiting rows after it, in order.
"""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, func, select, update

from mungmo.platform.db.database import Database


@dataclass(frozen=True)
class ParkedRow:
    service: str
    seq: int
    event_id: str
    event_type: str
    topic: str
    key: str
    attempts: int
    parked_at: datetime
    reason: str | None
    # Later unpublished rows of the same key, held back until this one goes.
    waiting: int


async def list_parked(database: Database) -> list[ParkedRow]:
    outbox = database.messaging.outbox
    later = outbox.alias("later")
    waiting = (
        select(func.count())
        .where(
            later.c.topic == outbox.c.topic,
            later.c.event_key == outbox.c.event_key,
            later.c.seq > outbox.c.seq,
            later.c.published_at.is_(None),
        )
        .scalar_subquery()
    )
    async with database.session() as session:
        rows = (
            await session.execute(
                select(outbox, waiting.label("waiting"))
                .where(outbox.c.parked_at.is_not(None))
                .order_by(outbox.c.seq)
            )
        ).all()
    return [
        ParkedRow(
            service=database.name,
            seq=row.seq,
            event_id=row.event_id,
            event_type=row.event_type,
            topic=row.topic,
            key=row.event_key,
            attempts=row.publish_attempts,
            parked_at=row.parked_at,
            reason=row.park_reason,
            waiting=int(row.waiting),
        )
        for row in rows
    ]


async def release_parked(database: Database, *, seq: int | None = None) -> int:
    """Un-parks the row ``seq`` (every parked row when None), with a fresh attempt count;
    returns how many rows were released. The relay picks them up in its next round."""
    outbox = database.messaging.outbox
    conditions: list[ColumnElement[bool]] = [outbox.c.parked_at.is_not(None)]
    if seq is not None:
        conditions.append(outbox.c.seq == seq)
    async with database.session() as session, session.begin():
        result = await session.execute(
            update(outbox)
            .where(*conditions)
            .values(parked_at=None, publish_attempts=0, park_reason=None)
        )
    released = int(result.rowcount)  # type: ignore[attr-defined]
    if released:
        database.events_committed()  # a relay in this process need not wait for its poll
    return released
