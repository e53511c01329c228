"""Consumer-group membership for the embedded log: one live member per group.

Kafka splits a group's partitions among its members; the embedded log has one
partition per topic, so a group has one consuming member at a time. A second
process subscribing in the same group is refused while the first one's heartbeat is
fresh, and takes over once it stops (closed, or dead for ``session_seconds``).
Without this both would read everything, and only the inbox would stand between
them and doubled work.
"""

import uuid
from datetime import timedelta

from sqlalchemy import Column, MetaData, String, Table, delete, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine

from mungmo.platform.clock import Clock, utc_now
from mungmo.platform.db.types import UtcDateTime
from mungmo.platform.logging import get_logger

log = get_logger(__name__)

membership_metadata = MetaData()
consumer_members = Table(
    "consumer_members",
    membership_metadata,
    Column("group_id", String(200), primary_key=True),
    Column("member_id", String(64), nullable=False),
    Column("heartbeat_at", UtcDateTime, nullable=False),
)


class GroupMemberActive(Exception):
    """Another live member already consumes this group."""


class Membership:
    def __init__(
        self,
        engine: AsyncEngine,
        group: str,
        *,
        session_seconds: float = 10.0,
        clock: Clock = utc_now,
    ) -> None:
        self._engine = engine
        self._group = group
        self._session = timedelta(seconds=session_seconds)
        self._clock = clock
        self.member_id = uuid.uuid4().hex
        self._beat_at = clock()

    async def join(self) -> None:
        now = self._clock()
        async with self._engine.begin() as connection:
            holder = (
                await connection.execute(
                    select(consumer_members).where(consumer_members.c.group_id == self._group)
                )
            ).first()
            if holder is not None and holder.heartbeat_at > now - self._session:
                raise GroupMemberActive(
                    f"group {self._group} has a live member ({holder.member_id}); "
                    "this one waits until it stops"
                )
            statement = sqlite_insert(consumer_members).values(
                group_id=self._group, member_id=self.member_id, heartbeat_at=now
            )
            await connection.execute(
                statement.on_conflict_do_update(
                    index_elements=["group_id"],
                    set_={"member_id": self.member_id, "heartbeat_at": now},
                )
            )
        self._beat_at = now

    async def heartbeat(self) -> None:
        """Cheap to call on every fetch: writes at most every third of the session."""
        now = self._clock()
        if now - self._beat_at < self._session / 3:
            return
        try:
            async with self._engine.begin() as connection:
                result = await connection.execute(
                    update(consumer_members)
                    .where(
                        consumer_members.c.group_id == self._group,
                        consumer_members.c.member_id == self.member_id,
                    )
                    .values(heartbeat_at=now)
                )
        except OperationalError as error:
            # The log file is busy (a burst of writers): a beat is due every third of
            # the session, so the next fetch tries again before anyone may take over.
            # Past two thirds, stop consuming rather than risk two live members.
            if now - self._beat_at >= self._session * 2 / 3:
                raise
            log.info("embedded.heartbeat_deferred", group=self._group, error=str(error)[:200])
            return
        if not result.rowcount:
            raise GroupMemberActive(f"group {self._group} was taken over after a missed beat")
        self._beat_at = now

    async def leave(self) -> None:
        async with self._engine.begin() as connection:
            await connection.execute(
                delete(consumer_members).where(
                    consumer_members.c.group_id == self._group,
                    consumer_members.c.member_id == self.member_id,
                )
            )
