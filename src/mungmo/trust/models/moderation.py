"""Appeals, permanent bans and the moderators' append-only audit log."""

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, Index, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from mungmo.platform.db import IdMixin, TimestampMixin
from mungmo.platform.db.append_only import append_only
from mungmo.platform.db.types import UtcDateTime
from mungmo.trust.models.base import Base

PENDING = "pending"
ACCEPTED = "accepted"
REJECTED = "rejected"


class Appeal(IdMixin, TimestampMixin, Base):
    """The reported member's one appeal against an upheld report (unique per report)."""

    __tablename__ = "appeals"
    __table_args__ = (Index("ix_appeals_status_created", "status", "created_at"),)

    report_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("reports.id", ondelete="CASCADE"), unique=True
    )
    member_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default=PENDING)
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)
    decided_by: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    decision_note: Mapped[str | None] = mapped_column(String(1000), default=None)
    # Points the accepted appeal gave back.
    restored: Mapped[int | None] = mapped_column(Integer, default=None)


class Ban(Base):
    """A permanent ban in force: made here (``moderation``, with its reason) or known
    from identity's AccountBanned (``identity``: banned in the accounts admin)."""

    __tablename__ = "bans"
    __table_args__ = (Index("ix_bans_banned_at", "banned_at"),)

    member_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    id: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True)
    source: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str | None] = mapped_column(String(500), default=None)
    banned_by: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    banned_at: Mapped[datetime] = mapped_column(UtcDateTime)


class ModerationAction(StrEnum):
    REVIEW_STARTED = "review_started"
    REPORT_UPHELD = "report_upheld"
    REPORT_DISMISSED = "report_dismissed"
    APPEAL_ACCEPTED = "appeal_accepted"
    APPEAL_REJECTED = "appeal_rejected"
    MEMBER_BANNED = "member_banned"


@append_only
class ModerationAuditEntry(IdMixin, TimestampMixin, Base):
    """Who decided what about whom, when and why. Append-only: ``append_only``
    refuses any change or removal."""

    __tablename__ = "moderation_audit_entries"
    __table_args__ = (Index("ix_moderation_audit_entries_created_at", "created_at"),)

    action: Mapped[str] = mapped_column(String(32))
    member_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    report_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None, index=True)
    appeal_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    # None when the policy acted (a report type set to automatic application).
    actor_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    actor_label: Mapped[str] = mapped_column(String(32))
    note: Mapped[str | None] = mapped_column(String(1000), default=None)
    points: Mapped[int | None] = mapped_column(Integer, default=None)
