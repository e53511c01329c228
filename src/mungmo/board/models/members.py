"""Copies the board keeps of other services' data: members (identity's nickname and
deletion, member's photo and verified 동), blocks (member) and attachments (media)."""

import uuid
from datetime import datetime

from sqlalchemy import Index, Integer, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from mungmo.board.models.base import Base
from mungmo.platform.db.types import UtcDateTime


class BoardMember(Base):
    __tablename__ = "board_members"

    member_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    nickname: Mapped[str] = mapped_column(String(40), default="")
    photo_media_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    # The 행정동 the member last verified (10 digits; the first 5 are the 시/군/구).
    region_code: Mapped[str | None] = mapped_column(String(10), default=None)
    region_name: Mapped[str | None] = mapped_column(String(100), default=None)
    deleted_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None


class Block(Base):
    """``member_id`` blocked ``blocked_id``; content is hidden both ways."""

    __tablename__ = "blocks"
    __table_args__ = (Index("ix_blocks_blocked", "blocked_id", "member_id"),)

    member_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    blocked_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    blocked_at: Mapped[datetime] = mapped_column(UtcDateTime)


class Attachment(Base):
    """A member's upload for a post (media purpose ``post_attachment``), usable once."""

    __tablename__ = "attachments"

    media_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    owner_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    kind: Mapped[str] = mapped_column(String(8))
    duration_ms: Mapped[int | None] = mapped_column(Integer, default=None)
    uploaded_at: Mapped[datetime] = mapped_column(UtcDateTime)
