"""What happens in a club: schedules and RSVPs, board posts, the album, chat."""

import uuid
from datetime import datetime

from sqlalchemy import BigInteger, Boolean, Index, Integer, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from mungmo.club.models.base import Base
from mungmo.platform.db import IdMixin
from mungmo.platform.db.types import UtcDateTime


class ScheduleSeries(IdMixin, Base):
    """A repeating schedule (e.g. every Saturday 8:00 at 한강공원): its RRULE, whose
    occurrences are the series' schedules."""

    __tablename__ = "schedule_series"

    club_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    rrule: Mapped[str] = mapped_column(String(300))
    created_by: Mapped[uuid.UUID] = mapped_column(Uuid)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class Schedule(IdMixin, Base):
    __tablename__ = "schedules"
    __table_args__ = (Index("ix_schedules_club_starts", "club_id", "starts_at"),)

    club_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    series_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    title: Mapped[str] = mapped_column(String(60))
    starts_at: Mapped[datetime] = mapped_column(UtcDateTime)
    place_name: Mapped[str] = mapped_column(String(100))
    capacity: Mapped[int | None] = mapped_column(Integer, default=None)
    # Kept with the RSVPs in one transaction; the capacity check is a conditional update.
    rsvp_count: Mapped[int] = mapped_column(Integer, default=0)
    created_by: Mapped[uuid.UUID] = mapped_column(Uuid)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class Rsvp(Base):
    __tablename__ = "rsvps"

    schedule_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    member_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class Post(IdMixin, Base):
    """A post on the club's notice board (owner-admin and managers) or free board."""

    __tablename__ = "posts"
    __table_args__ = (Index("ix_posts_club_board", "club_id", "board", "created_at"),)

    club_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    board: Mapped[str] = mapped_column(String(10))
    author_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    title: Mapped[str] = mapped_column(String(100))
    body: Mapped[str] = mapped_column(Text)
    pinned: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class AlbumPhoto(IdMixin, Base):
    __tablename__ = "album_photos"
    __table_args__ = (Index("ix_album_photos_club", "club_id", "created_at"),)

    club_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    media_id: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True)
    uploader_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    caption: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class ChatMessage(IdMixin, Base):
    """One chat message; ``seq`` numbers a club's messages without gaps, so a client
    resumes after the last one it saw."""

    __tablename__ = "chat_messages"
    __table_args__ = (UniqueConstraint("club_id", "seq", name="uq_chat_messages_club_seq"),)

    club_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    seq: Mapped[int] = mapped_column(BigInteger)
    author_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    body: Mapped[str] = mapped_column(Text, default="")
    media_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    deleted_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)
