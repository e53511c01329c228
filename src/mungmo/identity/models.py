import uuid
from datetime import datetime

from sqlalchemy import String, Uuid
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from mungmo.platform.db import IdMixin, TimestampMixin, service_metadata
from mungmo.platform.db.types import UtcDateTime


class Base(DeclarativeBase):
    metadata = service_metadata()


class Account(IdMixin, TimestampMixin, Base):
    __tablename__ = "accounts"

    email: Mapped[str] = mapped_column(String(254), unique=True)
    nickname: Mapped[str] = mapped_column(String(20))
    # Case-folded nickname: "Bori" and "bori" are the same name to people.
    nickname_key: Mapped[str] = mapped_column(String(20), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    status: Mapped[str] = mapped_column(String(16), default="active")
    roles: Mapped[str] = mapped_column(String(100), default="member")

    @property
    def role_list(self) -> list[str]:
        return [role for role in self.roles.split(",") if role]

    @property
    def is_banned(self) -> bool:
        return self.status == "banned"


class RefreshToken(IdMixin, Base):
    """One rotation step of a login session; ``family_id`` is the session."""

    __tablename__ = "refresh_tokens"

    account_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    family_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    issued_at: Mapped[datetime] = mapped_column(UtcDateTime)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)

    def is_live(self, now: datetime) -> bool:
        return self.revoked_at is None and self.expires_at > now
