"""Retention: published outbox rows, old inbox rows and old embedded-log messages are
pruned on a schedule, so none of them grows forever.

Nothing unpublished is ever pruned. Inbox rows are kept longer than any redelivery
window (a consumer away, a relay re-publishing after a crash), since a pruned claim
cannot stop a duplicate. The embedded log drops messages older than its retention
whether or not every group read them, as Kafka does with ``retention.ms``; a group
that was away for less than that still finds everything it missed.
"""

import asyncio
from datetime import datetime, timedelta
from typing import Protocol

from sqlalchemy import delete

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
        clock: Clock = utc_now,
    ) -> None:
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
            if outbox or inbox:
                log.info("retention.pruned", service=database.name, outbox=outbox, inbox=inbox)
        if self._log is not None:
            messages = await self._log.prune(now - self._log_retention)
            if messages:
                log.info("retention.pruned_log", messages=messages)
