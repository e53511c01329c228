"""The meetup service's tables: meetups, who takes part, ratings, feeds, and the copies
of what other services publish (members' 동, photos and public dog fields, blocks)."""

import uuid
from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    Float,
    Index,
    Integer,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    Uuid,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from mungmo.platform.db import IdMixin, service_metadata
from mungmo.platform.db.types import UtcDateTime


class Base(DeclarativeBase):
    # scheduled_jobs: reminders and the no-show check at a window's end.
    metadata = service_metadata(scheduled_jobs=True)


# A participation that holds the member's time (no overlapping meetup meanwhile).
ACTIVE = ("host", "joined", "waitlisted", "requested")
TAKING_PART = ("host", "joined")


class Meetup(IdMixin, Base):
    """One 번개. ``taken`` counts the host and those who joined; it changes only with the
    row locked, so ``taken <= capacity`` holds however many join at once."""

    __tablename__ = "meetups"
    __table_args__ = (
        Index("ix_meetups_sgg_day", "sgg_code", "local_date"),
        Index("ix_meetups_region_day", "region_code", "local_date"),
        Index("ix_meetups_starts", "starts_at"),
    )

    host_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    title: Mapped[str] = mapped_column(String(60))
    body: Mapped[str] = mapped_column(Text, default="")
    starts_at: Mapped[datetime] = mapped_column(UtcDateTime)
    ends_at: Mapped[datetime] = mapped_column(UtcDateTime)
    # The start in Asia/Seoul, for the calendar's days and the time-of-day filter.
    local_date: Mapped[date] = mapped_column(Date)
    local_hour: Mapped[int] = mapped_column(SmallInteger)
    place_name: Mapped[str] = mapped_column(String(80))
    latitude: Mapped[float] = mapped_column(Float)
    longitude: Mapped[float] = mapped_column(Float)
    # The host's verified 행정동 (10 digits) and its 시/군/구 (the first 5).
    region_code: Mapped[str] = mapped_column(String(10))
    region_name: Mapped[str] = mapped_column(String(80), default="")
    sgg_code: Mapped[str] = mapped_column(String(5))
    capacity: Mapped[int] = mapped_column(SmallInteger)
    taken: Mapped[int] = mapped_column(SmallInteger, default=1)
    approval_required: Mapped[bool] = mapped_column(Boolean, default=False)
    # Dog sizes welcome ("small", "medium", "large"); all three when unrestricted.
    dog_sizes: Mapped[list[str]] = mapped_column(JSON)
    # The same as bits (small 1, medium 2, large 4), for the calendar's size filter.
    size_mask: Mapped[int] = mapped_column(SmallInteger, default=7)
    quiet: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(12), default="open")  # open | cancelled
    # The QR code's secret: knowing it proves being at the host's phone.
    check_in_token: Mapped[str] = mapped_column(String(64))
    waitlist_next: Mapped[int] = mapped_column(Integer, default=1)
    # How many wait now (changed with the row locked, like ``taken``).
    waitlisted: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    attendance_closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)

    @property
    def free_places(self) -> int:
        return max(0, self.capacity - self.taken)


class Participation(IdMixin, Base):
    """A member and a meetup: host, joined, waitlisted (``position`` orders the list),
    requested (approval), declined or left. The meetup's times are copied here so a
    member's overlapping meetups are one indexed query."""

    __tablename__ = "participations"
    __table_args__ = (
        UniqueConstraint("meetup_id", "member_id", name="uq_participations_member"),
        Index("ix_participations_member_time", "member_id", "starts_at", "ends_at"),
        Index("ix_participations_queue", "meetup_id", "status", "position"),
    )

    meetup_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    member_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    status: Mapped[str] = mapped_column(String(12))
    position: Mapped[int] = mapped_column(Integer, default=0)
    starts_at: Mapped[datetime] = mapped_column(UtcDateTime)
    ends_at: Mapped[datetime] = mapped_column(UtcDateTime)
    joined_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    checked_in_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)
    check_in_method: Mapped[str | None] = mapped_column(String(8), default=None)
    confirmed_by_host: Mapped[bool] = mapped_column(Boolean, default=False)
    no_show: Mapped[bool] = mapped_column(Boolean, default=False)

    @property
    def attended(self) -> bool:
        return self.checked_in_at is not None or self.confirmed_by_host


class Rating(IdMixin, Base):
    """One attendee's stars for another; changeable for 24 hours, same id."""

    __tablename__ = "ratings"
    __table_args__ = (
        UniqueConstraint("meetup_id", "reviewer_id", "member_id", name="uq_ratings_pair"),
    )

    meetup_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    reviewer_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    member_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    stars: Mapped[int] = mapped_column(SmallInteger)
    text: Mapped[str] = mapped_column(String(200), default="")
    submitted_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class ReviewPost(Base):
    """An attendee's review post, handed to the board (one per attendee and meetup)."""

    __tablename__ = "review_posts"
    __table_args__ = (UniqueConstraint("meetup_id", "author_id", name="uq_review_posts_author"),)

    post_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    meetup_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    author_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    written_at: Mapped[datetime] = mapped_column(UtcDateTime)


class CalendarFeed(Base):
    """A member's private ICS address; only the token's SHA-256 is kept."""

    __tablename__ = "calendar_feeds"

    member_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class KnownMember(Base):
    """Copy of the member service's events: nickname, photo, verified 동, public dogs.
    The row is also what a member's joins lock, one at a time (no double booking)."""

    __tablename__ = "known_members"

    member_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    nickname: Mapped[str] = mapped_column(String(40), default="")
    photo_media_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    region_code: Mapped[str | None] = mapped_column(String(10), default=None)
    region_name: Mapped[str | None] = mapped_column(String(80), default=None)
    region_expires_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)
    dogs: Mapped[list[dict[str, object]]] = mapped_column(JSON, default=list)
    profile_changed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)


class Block(Base):
    """Copy of MemberBlocked / MemberUnblocked: ``member_id`` blocked ``blocked_id``."""

    __tablename__ = "blocks"

    member_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    blocked_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, index=True)
