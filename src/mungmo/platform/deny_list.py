"""Access tokens live ten minutes; a ban or a deletion must not wait that long.

Every service's consumer records identity's ban, unban and deletion events in its own
``access_denials`` table (``deny_access``, ``lift_ban``). A ``DenyList`` per process
reloads those rows about once a second, so token checks stay in memory, and every
instance (and a restarted one) sees the same denials. Rows older than the longest
access-token lifetime (plus a margin) are pruned: every token they refused has expired.
"""

import asyncio
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, insert, select, update

from mungmo.platform.clock import Clock, utc_now
from mungmo.platform.db.database import Database
from mungmo.platform.db.denials import DenialReason, access_denials
from mungmo.platform.db.uow import UnitOfWork
from mungmo.platform.logging import get_logger

log = get_logger(__name__)


@dataclass(frozen=True)
class Denial:
    since: datetime
    reason: DenialReason

    def refuses(self, issued_at: datetime) -> bool:
        """A deleted account's tokens are all refused; a banned account's tokens issued
        at or before the ban (``iat`` has whole seconds, so that errs on refusing)."""
        return self.reason == "deleted" or issued_at <= self.since

    def stronger(self, other: "Denial") -> "Denial":
        if self.reason != other.reason:
            return self if self.reason == "deleted" else other
        return self if self.since >= other.since else other


async def deny_access(
    uow: UnitOfWork, *, account_id: uuid.UUID, since: datetime, reason: DenialReason
) -> None:
    """Records a ban or deletion; a deletion is never weakened back into a ban."""
    table = access_denials(uow.database.metadata)
    async with uow:
        current = (
            await uow.session.execute(
                select(table.c.denied_since, table.c.reason)
                .where(table.c.account_id == account_id)
                .with_for_update()
            )
        ).first()
        if current is None:
            await uow.session.execute(
                insert(table).values(account_id=account_id, denied_since=since, reason=reason)
            )
        elif current.reason != "deleted":
            await uow.session.execute(
                update(table)
                .where(table.c.account_id == account_id)
                .values(denied_since=since, reason=reason)
            )
        await uow.commit()


async def lift_ban(uow: UnitOfWork, *, account_id: uuid.UUID) -> None:
    """Unbanned: tokens work again (identity issued none while banned). A deletion stays."""
    table = access_denials(uow.database.metadata)
    async with uow:
        await uow.session.execute(
            delete(table).where(table.c.account_id == account_id, table.c.reason == "banned")
        )
        await uow.commit()


class DenyList:
    """The process's in-memory view of the denials in its services' databases."""

    def __init__(
        self,
        databases: Sequence[Database],
        *,
        refresh_seconds: float = 1.0,
        retention: timedelta = timedelta(minutes=15),
        prune_every: timedelta = timedelta(minutes=1),
        clock: Clock = utc_now,
    ) -> None:
        self._databases = list(databases)
        self._refresh_seconds = refresh_seconds
        self._retention = retention
        self._prune_every = prune_every
        self._clock = clock
        self._denials: dict[uuid.UUID, Denial] = {}
        self._pruned_at: datetime | None = None

    def refuses(self, account_id: uuid.UUID, issued_at: datetime | int) -> bool:
        """``issued_at`` is the token's ``iat``: a datetime or seconds since the epoch."""
        denial = self._denials.get(account_id)
        if denial is None:
            return False
        if isinstance(issued_at, int):
            issued_at = datetime.fromtimestamp(issued_at, UTC)
        return denial.refuses(issued_at)

    async def refresh(self) -> None:
        """Reloads every denial younger than the retention from each database."""
        cutoff = self._clock() - self._retention
        loaded: dict[uuid.UUID, Denial] = {}
        for database in self._databases:
            table = access_denials(database.metadata)
            async with database.engine.connect() as connection:
                rows = await connection.execute(
                    select(table.c.account_id, table.c.denied_since, table.c.reason).where(
                        table.c.denied_since >= cutoff
                    )
                )
                for account_id, since, reason in rows:
                    found = Denial(since=since, reason=reason)
                    known = loaded.get(account_id)
                    loaded[account_id] = found if known is None else known.stronger(found)
        self._denials = loaded

    async def prune(self) -> None:
        cutoff = self._clock() - self._retention
        for database in self._databases:
            table = access_denials(database.metadata)
            async with database.engine.begin() as connection:
                await connection.execute(delete(table).where(table.c.denied_since < cutoff))
        self._pruned_at = self._clock()

    async def run(self) -> None:
        while True:
            try:
                await self.refresh()
                if self._pruned_at is None or self._clock() - self._pruned_at >= self._prune_every:
                    await self.prune()
            except asyncio.CancelledError:
                raise
            except Exception as error:  # keep the last view; the next round retries
                log.warning("deny_list.refresh_failed", error=str(error))
            await asyncio.sleep(self._refresh_seconds)
