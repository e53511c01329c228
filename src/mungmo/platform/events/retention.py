"""Retention: published outbox rows, old inbox rows and old embedded-log messages are
pruned on a schedule, so none of them grows forever.

Nothing unpublished is ever pruned. Inbox rows are kept longer than any redelivery
window (a consumer away, a relay re-publishing after a crash), since a pruned claim
cannot stop a duplicate. The embedded log drops messages older than its retention
whether or not every group read them, as Kafka does with ``retention.ms``; a group
that was away for less than that still finds everything it missed. A key's lock row in
``outbox_keys`` goes once the key has nothing unpublished and no emit within its
retention (see ``delete_idle_keys`` for why that cannot reorder a key).
"""

import asyncio
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from sqlalchemy import delete, or_, select, tuple_

from mungmo.platform.clock import Clock, utc_now
from mungmo.platform.db.database import Database
from mungmo.platform.logging import get_logger

log = get_logger(__name__)


class PrunableLog(Protocol):
    async def prune(self, before: datetime) -> int: ...


async def prune_messaging(
    database: Database, *, now: datetime, outbox_retention: timedelta, inbox_retention: timedelta
) -> tuple[int, int]:
    """Deletes published outbox rows and inbox rows older than their retention."""
    outbox, inbox = database.messaging.outbox, database.messaging.inbox
    async with database.session() as session, session.begin():
        published = await session.execute(
            delete(outbox).where(
                outbox.c.published_at.is_not(None),
                outbox.c.published_at < now - outbox_retention,
            )
        )
        claims = await session.execute(
            delete(inbox).where(inbox.c.processed_at < now - inbox_retention)
        )
    return int(published.rowcount), int(claims.rowcount)  # type: ignore[attr-defined]


@dataclass(frozen=True)
class IdleKey:
    topic: str
    event_key: str
    emits: int  # as read: a transaction that emits for the key since then changes it


async def idle_keys(database: Database, *, cutoff: datetime, limit: int) -> list[IdleKey]:
    """Keys with no unpublished (or parked) outbox row and no row emitted since ``cutoff``.
    A plain read: it locks no outbox row, so emitters and the relay never wait for it."""
    outbox, keys = database.messaging.outbox, database.messaging.outbox_keys
    active = select(outbox.c.topic, outbox.c.event_key).where(
        or_(outbox.c.published_at.is_(None), outbox.c.occurred_at >= cutoff)
    )
    async with database.session() as session:
        rows = await session.execute(
            select(keys.c.topic, keys.c.event_key, keys.c.emits)
            .where(tuple_(keys.c.topic, keys.c.event_key).not_in(active))
            .limit(limit)
        )
        return [IdleKey(topic, key, emits) for topic, key, emits in rows]


async def delete_idle_keys(database: Database, keys: list[IdleKey]) -> int:
    """Deletes the lock rows of ``keys`` that nobody emitted for since they were read.

    Why this cannot let two writers of one key interleave: per-key order needs only that
    no two uncommitted transactions are past their upsert of the key's row at once. The
    row serialises them whether it exists (the update locks it), is being inserted (a
    second insert of the key waits on the first's lock) or is being deleted (the deleter
    holds the delete-marked row; an upsert waits for it to commit, then inserts anew). A
    delete waits for an emitter holding the row, and once it commits the next emitter's
    upsert recreates and locks the row before it inserts any outbox row. The relay never
    reads ``outbox_keys``. Hence deleting is safe at any time; the ``emits`` check only
    keeps a key that became busy again since it was read (its row would be re-made);
    it stands in for re-reading the outbox under the lock, a locking read that would
    scan the outbox (no index on the key) and hold emitters back.
    Each key is deleted in a transaction of its own, so the pruner holds one lock at a
    time and never joins a deadlock with an emitter locking several keys.
    """
    table = database.messaging.outbox_keys
    deleted = 0
    async with database.session() as session:
        for key in keys:
            async with session.begin():
                result = await session.execute(
                    delete(table).where(
                        table.c.topic == key.topic,
                        table.c.event_key == key.event_key,
                        table.c.emits == key.emits,
                    )
                )
            deleted += int(result.rowcount)  # type: ignore[attr-defined]
    return deleted


async def prune_keys(
    database: Database, *, now: datetime, retention: timedelta, batch: int = 1000
) -> int:
    deleted = 0
    while True:
        found = await idle_keys(database, cutoff=now - retention, limit=batch)
        deleted += await delete_idle_keys(database, found)
        if len(found) < batch:
            return deleted


class Pruner:
    def __init__(
        self,
        databases: list[Database],
        *,
        event_log: PrunableLog | None,
        outbox_retention: timedelta,
        inbox_retention: timedelta,
        log_retention: timedelta,
        interval_seconds: float,
        key_retention: timedelta | None = None,
        clock: Clock = utc_now,
    ) -> None:
        # Only rows still in the outbox show when a key last emitted: a key whose rows
        # were all pruned has been idle for at least the outbox's retention, no longer.
        if key_retention is not None and key_retention > outbox_retention:
            raise ValueError(
                "MUNGMO_OUTBOX_KEY_RETENTION_HOURS cannot be longer than "
                "MUNGMO_OUTBOX_RETENTION_HOURS: only rows still in the outbox show a key's "
                "last emit"
            )
        self._key_retention = outbox_retention if key_retention is None else key_retention
        self._databases = databases
        self._log = event_log
        self._outbox_retention = outbox_retention
        self._inbox_retention = inbox_retention
        self._log_retention = log_retention
        self._interval = interval_seconds
        self._clock = clock

    async def run(self) -> None:
        while True:
            try:
                await self.prune_once()
            except asyncio.CancelledError:
                raise
            except Exception as error:  # a database away: the next round tries again
                log.warning("retention.prune_failed", error=str(error))
            await asyncio.sleep(self._interval)

    async def prune_once(self) -> None:
        now = self._clock()
        for database in self._databases:
            outbox, inbox = await prune_messaging(
                database,
                now=now,
                outbox_retention=self._outbox_retention,
                inbox_retention=self._inbox_retention,
            )
            keys = await prune_keys(database, now=now, retention=self._key_retention)
            if outbox or inbox or keys:
                log.info(
                    "retention.pruned",
                    service=database.name,
                    outbox=outbox,
                    inbox=inbox,
                    outbox_keys=keys,
                )
        if self._log is not None:
            messages = await self._log.prune(now - self._log_retention)
            if messages:
                log.info("retention.pruned_log", messages=messages)
