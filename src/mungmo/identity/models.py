import uuid
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import Index, String, UniqueConstraint, Uuid
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from mungmo.platform.db import IdMixin, TimestampMixin, service_metadata
from mungmo.platform.db.append_only import append_only
from mungmo.platform.db.types import UtcDateTime


class Base(DeclarativeBase):
    metadata = service_metadata()


ACTIVE = "active"
BANNED = "banned"
DELETED = "deleted"


class Account(IdMixin, TimestampMixin, Base):
    __tablename__ = "accounts"

    # None for a social-only account whose provider did not vouch for an address.
    email: Mapped[str | None] = mapped_column(String(254), unique=True)
    nickname: Mapped[str] = mapped_column(String(20))
    # Case-folded nickname: "Bori" and "bori" are the same name to people.
    # None once the account is deleted, which frees the name.
    nickname_key: Mapped[str | None] = mapped_column(String(20), unique=True)
    # None when there is no password (social-only or deleted): password login never matches.
    password_hash: Mapped[str | None] = mapped_column(String(255))
    status: Mapped[str] = mapped_column(String(16), default=ACTIVE)
    onboarded_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)
    nickname_changed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)
    banned_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)
    deleted_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)

    @property
    def is_active(self) -> bool:
        return self.status == ACTIVE

    @property
    def is_banned(self) -> bool:
        return self.status == BANNED

    @property
    def has_password(self) -> bool:
        return self.password_hash is not None

    def nickname_change_allowed_at(self, cooldown: timedelta) -> datetime | None:
        """When the nickname may change again; None when it may change now or never did."""
        if self.nickname_changed_at is None:
            return None
        return self.nickname_changed_at + cooldown

    def erase(self, now: datetime) -> None:
        """Deletion: personal data goes; the row stays as a tombstone so ids in other
        services' events still resolve to 'a deleted account'."""
        self.status = DELETED
        self.deleted_at = now
        # '.invalid' is reserved (RFC 2606): no sign-up can ever use this address.
        self.email = f"deleted+{self.id.hex}@invalid"
        self.nickname = ""
        self.nickname_key = None
        self.password_hash = None
        self.onboarded_at = None
        self.nickname_changed_at = None


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


class SocialLink(IdMixin, TimestampMixin, Base):
    """A provider identity (Kakao, Naver, Google user id) that logs into an account."""

    __tablename__ = "social_links"
    __table_args__ = (UniqueConstraint("provider", "subject"),)

    provider: Mapped[str] = mapped_column(String(20))
    subject: Mapped[str] = mapped_column(String(255))
    account_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)


class BannedIdentity(IdMixin, TimestampMixin, Base):
    """A banned person's e-mail or social identity, kept only as a hash, so they cannot
    sign up again with it."""

    __tablename__ = "banned_identities"

    identity_hash: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    account_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)


class Role(StrEnum):
    """Every account is a member; moderator and admin are granted on top."""

    MEMBER = "member"
    MODERATOR = "moderator"
    ADMIN = "admin"


GRANTABLE_ROLES = frozenset({Role.MODERATOR, Role.ADMIN})


class AccountRole(IdMixin, Base):
    """A role granted to an account (``member`` is implied and never stored)."""

    __tablename__ = "account_roles"
    __table_args__ = (UniqueConstraint("account_id", "role"),)

    # No foreign key, like the other tables: SQLite's batch migrations rebuild
    # ``accounts`` by dropping it, which a reference from here would refuse.
    account_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    role: Mapped[str] = mapped_column(String(20))
    granted_at: Mapped[datetime] = mapped_column(UtcDateTime)
    # The granting administrator; None when granted from the command line.
    granted_by: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)


def token_roles(granted: list[str]) -> list[str]:
    """The ``roles`` claim: member first, then the granted roles in a stable order."""
    return [Role.MEMBER.value, *sorted(role for role in set(granted) if role != Role.MEMBER)]


class AuditAction(StrEnum):
    ROLE_GRANTED = "role_granted"
    ROLE_REVOKED = "role_revoked"
    ACCOUNT_BANNED = "account_banned"
    ACCOUNT_UNBANNED = "account_unbanned"


@append_only
class AdminAuditEntry(IdMixin, TimestampMixin, Base):
    """Who did what to which account, when and why. Append-only: rows are never changed
    or removed (``append_only`` refuses it)."""

    __tablename__ = "admin_audit_entries"
    __table_args__ = (Index("ix_admin_audit_entries_created_at", "created_at"),)

    action: Mapped[str] = mapped_column(String(32))
    target_account_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    role: Mapped[str | None] = mapped_column(String(20), default=None)
    reason: Mapped[str] = mapped_column(String(500))
    # None when the actor is not an account, e.g. the command line.
    actor_account_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    # "admin" for an administrator's request, "cli:<os user>" for the command line.
    actor_label: Mapped[str] = mapped_column(String(64))
