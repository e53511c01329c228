"""Access tokens live ten minutes; a ban or a deletion must not wait that long.

Every service's consumer records identity's ban, unban and deletion events in its own
``access_denials`` table (``deny_access``, ``lift_ban``). A ``DenyList`` per process
reloads those rows about once a second, so token checks stay in memory, and every
instance (and a restarted one) sees the same denials. Rows older than the longest
access-token lifetime (plus a margin) are pruned: every token they refused has expired.

Trust's suspensions travel the same way: each service records ``MemberSuspended`` and
``SuspensionEnded`` in its ``write_suspensions`` table (``suspend_writes``,
``lift_write_suspension``), and the same reload tells the token check which members may
read but not write until when (``suspended_until``).
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
from mungmo.platform.db.suspensions import write_suspensions
from mungmo.platform.db.uow import UnitOfWork
from mungmo.platform.logging import get_logger

log = get_logger(__name__)


# Which denial wins when an account has several: a deletion over a ban over stale roles.
_WEIGHT: dict[DenialReason, int] = {"roles_changed": 0, "banned": 1, "deleted": 2}


@dataclass(frozen=True)
class Denial:
    since: datetime
    reason: DenialReason

    def refuses(self, issued_at: datetime) -> bool:
        """A deleted account's tokens are all refused; otherwise the tokens issued at or
        before the ban or role change (older tokens with whole-second ``iat`` count as
        issued at the start of their second, so that errs on refusing)."""
        return self.reason == "deleted" or issued_at <= self.since

    def stronger(self, other: "Denial") -> "Denial":
        if self.reason != other.reason:
            return self if _WEIGHT[self.reason] > _WEIGHT[other.reason] else other
        return self if self.since >= other.since else other


async def deny_access(
    uow: UnitOfWork, *, account_id: uuid.UUID, since: datetime, reason: DenialReason
) -> None:
    """Records a role change, ban or deletion; a denial is never weakened (a deletion
    stays a deletion, a ban is not turned into a role change)."""
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
        elif Denial(since, reason) == Denial(current.denied_since, current.reason).stronger(
            Denial(since, reason)
        ):
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


async def suspend_writes(
    uow: UnitOfWork, *, account_id: uuid.UUID, suspension_id: uuid.UUID, until: datetime
) -> None:
    """Records a suspension: the member may log in and read, but not write, until then."""
    table = write_suspensions(uow.database.metadata)
    async with uow:
        current = await uow.session.scalar(
            select(table.c.account_id).where(table.c.account_id == account_id).with_for_update()
        )
        values = {"suspension_id": suspension_id, "suspended_until": until}
        if current is None:
            await uow.session.execute(insert(table).values(account_id=account_id, **values))
        else:
            await uow.session.execute(
                update(table).where(table.c.account_id == account_id).values(**values)
            )
        await uow.commit()


async def lift_write_suspension(
    uow: UnitOfWork, *, account_id: uuid.UUID, suspension_id: uuid.UUID
) -> None:
    """The suspension ended; an end for an earlier suspension leaves a newer one alone."""
    table = write_suspensions(uow.database.metadata)
    async with uow:
        await uow.session.execute(
            delete(table).where(
                table.c.account_id == account_id, table.c.suspension_id == suspension_id
            )
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
        self._suspended: dict[uuid.UUID, datetime] = {}
        self._pruned_at: datetime | None = None

    def refuses(self, account_id: uuid.UUID, issued_at: datetime | float) -> bool:
        """``issued_at`` is the token's ``iat``: a datetime or seconds since the epoch."""
        return self.refusal(account_id, issued_at) is not None

    def refusal(self, account_id: uuid.UUID, issued_at: datetime | float) -> DenialReason | None:
        """Why a token of ``account_id`` issued at ``issued_at`` is refused, if it is."""
        denial = self._denials.get(account_id)
        if denial is None:
            return None
        if not isinstance(issued_at, datetime):
            issued_at = datetime.fromtimestamp(issued_at, UTC)
        return denial.reason if denial.refuses(issued_at) else None

    def suspended_until(self, account_id: uuid.UUID) -> datetime | None:
        """While the member's writes are suspended: until when."""
        until = self._suspended.get(account_id)
        return until if until is not None and until > self._clock() else None

    async def refresh(self) -> None:
        """Reloads every denial younger than the retention, and every suspension still
        running, from each database."""
        now = self._clock()
        cutoff = now - self._retention
        loaded: dict[uuid.UUID, Denial] = {}
        suspended: dict[uuid.UUID, datetime] = {}
        for database in self._databases:
            table = access_denials(database.metadata)
            suspensions = write_suspensions(database.metadata)
            async with database.engine.connect() as connection:
                running = await connection.execute(
                    select(suspensions.c.account_id, suspensions.c.suspended_until).where(
                        suspensions.c.suspended_until > now
                    )
                )
                for account_id, until in running:
                    suspended[account_id] = max(until, suspended.get(account_id, until))
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
        self._suspended = suspended

    async def prune(self) -> None:
        cutoff = self._clock() - self._retention
        for database in self._databases:
            table = access_denials(database.metadata)
            suspensions = write_suspensions(database.metadata)
            async with database.engine.begin() as connection:
                await connection.execute(delete(table).where(table.c.denied_since < cutoff))
                # A suspension past its end refuses nothing any more, ended or not.
                await connection.execute(
                    delete(suspensions).where(suspensions.c.suspended_until < cutoff)
                )
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
