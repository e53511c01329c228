"""Copies the club service keeps from other services' events."""

import uuid
from datetime import datetime

from sqlalchemy import Boolean, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from mungmo.club.models.base import Base
from mungmo.platform.db.types import UtcDateTime


class Person(Base):
    """A member as clubs show them (identity's nickname) and where they verified
    (member's NeighbourhoodVerified): a new club belongs to its owner's 동."""

    __tablename__ = "people"

    member_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    nickname: Mapped[str] = mapped_column(String(40), default="")
    region_code: Mapped[str | None] = mapped_column(String(10), default=None)
    region_name: Mapped[str | None] = mapped_column(String(60), default=None)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)


class Block(Base):
    """``blocker_id`` blocked ``blocked_id`` (member's MemberBlocked): each is hidden
    from the other in clubs, both ways."""

    __tablename__ = "blocks"

    blocker_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    blocked_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, index=True)
    blocked_at: Mapped[datetime] = mapped_column(UtcDateTime)


class ClubUpload(Base):
    """Media's ``club_photo`` uploads: a cover, an album photo or a chat image is
    accepted only from its uploader."""

    __tablename__ = "club_uploads"

    media_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    owner_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    uploaded_at: Mapped[datetime] = mapped_column(UtcDateTime)
