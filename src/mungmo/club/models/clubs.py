"""Clubs, who is in them with which role, and who may not come back."""

import uuid
from datetime import datetime

from sqlalchemy import BigInteger, Index, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from mungmo.club.domain import Role
from mungmo.club.models.base import Base
from mungmo.platform.db import IdMixin
from mungmo.platform.db.types import UtcDateTime


class Club(IdMixin, Base):
    __tablename__ = "clubs"
    __table_args__ = (Index("ix_clubs_region_created", "region_code", "created_at"),)

    title: Mapped[str] = mapped_column(String(60))
    text: Mapped[str] = mapped_column(Text)
    topic: Mapped[str] = mapped_column(String(20), index=True)
    # The owner's verified 행정동 when the club was made: where it is found.
    region_code: Mapped[str] = mapped_column(String(10))
    region_name: Mapped[str] = mapped_column(String(60))
    cover_media_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    # "open": anyone joins at once; "approval": the owner-admin or a manager approves.
    join_mode: Mapped[str] = mapped_column(String(10))
    owner_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    member_count: Mapped[int] = mapped_column(Integer, default=1)
    # The last chat message's number; a send takes the next one under the row's lock.
    chat_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class Membership(Base):
    """An active member with a role, or a request waiting for approval."""

    __tablename__ = "memberships"
    __table_args__ = (Index("ix_memberships_member", "member_id", "status"),)

    club_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    member_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    role: Mapped[str] = mapped_column(String(10), default=Role.MEMBER.value)
    # "active" or "pending" (asked to join a club with approval).
    status: Mapped[str] = mapped_column(String(10))
    requested_at: Mapped[datetime] = mapped_column(UtcDateTime)
    joined_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)
    # Read marker: the last chat message (seq) this member has seen.
    last_read_seq: Mapped[int] = mapped_column(BigInteger, default=0)

    @property
    def active_role(self) -> Role | None:
        return Role(self.role) if self.status == "active" else None


class ClubBan(Base):
    """Removed by the owner-admin without the right to join again (until lifted)."""

    __tablename__ = "club_bans"

    club_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    member_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    banned_by: Mapped[uuid.UUID] = mapped_column(Uuid)
    banned_at: Mapped[datetime] = mapped_column(UtcDateTime)
