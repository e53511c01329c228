import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import JSON, Boolean, Double, ForeignKey, Index, SmallInteger, String, Uuid
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from mungmo.platform.db import IdMixin, TimestampMixin, service_metadata
from mungmo.platform.db.types import UtcDateTime


class Base(DeclarativeBase):
    metadata = service_metadata()


STARTING_TRUST_SCORE = 30
DELETED_NICKNAME = "탈퇴한 회원"


@dataclass(frozen=True)
class OnboardingProgress:
    traits: bool
    dog: bool
    neighbourhood: bool

    @property
    def ready(self) -> bool:
        return self.traits and self.dog and self.neighbourhood


class Member(IdMixin, TimestampMixin, Base):
    """A member's profile; its id is the account id from the identity service."""

    __tablename__ = "members"

    nickname: Mapped[str] = mapped_column(String(20))
    # A read projection of the trust service's score (TrustScoreChanged), shown on the
    # card; the version guard keeps a late or repeated event from moving it backwards.
    trust_score: Mapped[int] = mapped_column(default=STARTING_TRUST_SCORE)
    trust_score_version: Mapped[int] = mapped_column(default=0, server_default="0")
    onboarding_status: Mapped[str] = mapped_column(String(16), default="pending")
    birth_year: Mapped[int | None] = mapped_column(SmallInteger, default=None)
    gender: Mapped[str | None] = mapped_column(String(16), default=None)
    age_public: Mapped[bool] = mapped_column(Boolean, default=False)
    gender_public: Mapped[bool] = mapped_column(Boolean, default=False)
    photo_media_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    owner_traits: Mapped[list[str]] = mapped_column(JSON, default=list)
    # The verified neighbourhood: only the 행정동, never the position that proved it.
    region_code: Mapped[str | None] = mapped_column(String(10), default=None)
    region_name: Mapped[str | None] = mapped_column(String(100), default=None)
    region_verified_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)
    region_expires_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)
    # Set when the account was deleted: the row stays as an anonymous tombstone.
    deleted_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)
    # Set while an administrator's ban lasts: the card, friendships and lists hide them.
    banned_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)

    dogs: Mapped[list["Dog"]] = relationship(
        back_populates="owner",
        order_by="[Dog.created_at, Dog.id]",
        cascade="all, delete-orphan",
        lazy="selectin",
    )

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def is_banned(self) -> bool:
        return self.banned_at is not None

    @property
    def is_visible(self) -> bool:
        """Whether other members may see or befriend this member."""
        return not self.is_deleted and not self.is_banned

    def neighbourhood_valid(self, now: datetime) -> bool:
        return self.region_expires_at is not None and now < self.region_expires_at

    def onboarding_progress(self, now: datetime) -> OnboardingProgress:
        return OnboardingProgress(
            traits=len(self.owner_traits) > 0,
            dog=any(dog.traits for dog in self.dogs),
            neighbourhood=self.neighbourhood_valid(now),
        )

    def erase(self, now: datetime) -> None:
        """Account deleted: keep an anonymous tombstone, drop everything personal."""
        self.nickname = DELETED_NICKNAME
        self.birth_year = None
        self.gender = None
        self.age_public = False
        self.gender_public = False
        self.photo_media_id = None
        self.owner_traits = []
        self.region_code = None
        self.region_name = None
        self.region_verified_at = None
        self.region_expires_at = None
        self.dogs.clear()
        self.deleted_at = now


class Dog(IdMixin, TimestampMixin, Base):
    __tablename__ = "dogs"

    member_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("members.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(20))
    breed: Mapped[str] = mapped_column(String(40))
    size: Mapped[str] = mapped_column(String(8))
    photo_media_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    traits: Mapped[list[str]] = mapped_column(JSON, default=list)
    muzzle: Mapped[bool] = mapped_column(Boolean, default=False)
    barks: Mapped[bool] = mapped_column(Boolean, default=False)
    mounts: Mapped[bool] = mapped_column(Boolean, default=False)
    energy_level: Mapped[int | None] = mapped_column(SmallInteger, default=None)
    play_style: Mapped[str | None] = mapped_column(String(16), default=None)
    vaccinated: Mapped[bool | None] = mapped_column(Boolean, default=None)
    registered: Mapped[bool | None] = mapped_column(Boolean, default=None)
    # Names of the attributes other members may see.
    public_fields: Mapped[list[str]] = mapped_column(JSON, default=list)

    owner: Mapped[Member] = relationship(back_populates="dogs")


class MemberMedia(Base):
    """Copy of MediaUploaded: which uploads a member owns (a photo is accepted only then)."""

    __tablename__ = "member_media"

    media_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    owner_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    kind: Mapped[str] = mapped_column(String(16))
    purpose: Mapped[str] = mapped_column(String(40))
    uploaded_at: Mapped[datetime] = mapped_column(UtcDateTime)


class Friendship(Base):
    """One row per direction, so 'my friends' is a single indexed lookup."""

    __tablename__ = "friendships"

    member_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    friend_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)

    __table_args__ = (Index("ix_friendships_friend_id", "friend_id"),)


class Block(Base):
    __tablename__ = "blocks"

    blocker_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    blocked_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)

    __table_args__ = (Index("ix_blocks_blocked_id", "blocked_id"),)


class Region(Base):
    """A claimable 행정동/읍/면 with its centre point (imported by an operator)."""

    __tablename__ = "regions"

    code: Mapped[str] = mapped_column(String(10), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    latitude: Mapped[float] = mapped_column(Double)
    longitude: Mapped[float] = mapped_column(Double)
