"""Reports with their statements and evidence, the copy of members' uploads that
evidence is checked against, and the copy of members' nicknames the queue shows."""

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mungmo.platform.db import IdMixin, TimestampMixin
from mungmo.platform.db.types import UtcDateTime
from mungmo.trust.models.base import Base

RECEIVED = "received"  # 접수
IN_REVIEW = "in_review"  # 검토 중
RESOLVED = "resolved"  # 처리됨 (upheld)
DISMISSED = "dismissed"  # 기각
OPEN_STATUSES = (RECEIVED, IN_REVIEW)


class Report(IdMixin, TimestampMixin, Base):
    """One member's report about another; ``created_at`` is when it was first filed."""

    __tablename__ = "reports"
    __table_args__ = (
        Index("ix_reports_reporter_reported", "reporter_id", "reported_member_id", "created_at"),
        Index("ix_reports_reporter_created", "reporter_id", "created_at"),
        Index("ix_reports_reported_created", "reported_member_id", "created_at"),
        Index("ix_reports_status_created", "status", "created_at"),
    )

    reporter_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    reported_member_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    report_type: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16), default=RECEIVED)
    # The last time the reporter added to it (a merged repeat report).
    last_filed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)
    # None when the policy resolved it (automatic application).
    resolved_by: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    resolution_note: Mapped[str | None] = mapped_column(String(1000), default=None)
    # Points the upheld report took from the score (after the 0..100 bounds).
    penalty: Mapped[int | None] = mapped_column(Integer, default=None)
    automatic: Mapped[bool] = mapped_column(default=False)

    statements: Mapped[list["ReportStatement"]] = relationship(
        order_by="[ReportStatement.filed_at, ReportStatement.id]",
        cascade="all, delete-orphan",
        lazy="selectin",
    )
    evidence: Mapped[list["ReportEvidence"]] = relationship(
        order_by="[ReportEvidence.added_at, ReportEvidence.media_id]",
        cascade="all, delete-orphan",
        lazy="selectin",
    )

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class ReportStatement(IdMixin, Base):
    """What the reporter wrote: the first filing and each repeat merged into it."""

    __tablename__ = "report_statements"

    report_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("reports.id", ondelete="CASCADE"), index=True
    )
    report_type: Mapped[str] = mapped_column(String(16))
    description: Mapped[str] = mapped_column(Text)
    filed_at: Mapped[datetime] = mapped_column(UtcDateTime)


class ReportEvidence(Base):
    """An upload attached as evidence; a file is evidence of one report only."""

    __tablename__ = "report_evidence"

    media_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    report_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("reports.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16))
    content_type: Mapped[str] = mapped_column(String(100))
    duration_ms: Mapped[int | None] = mapped_column(Integer, default=None)
    added_at: Mapped[datetime] = mapped_column(UtcDateTime)


class EvidenceUpload(Base):
    """Copy of MediaUploaded for evidence uploads: who owns which file (trust never
    reads media's tables; a file is accepted as evidence only from its owner)."""

    __tablename__ = "evidence_uploads"

    media_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    owner_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    kind: Mapped[str] = mapped_column(String(16))
    content_type: Mapped[str] = mapped_column(String(100))
    duration_ms: Mapped[int | None] = mapped_column(Integer, default=None)
    uploaded_at: Mapped[datetime] = mapped_column(UtcDateTime)


class KnownMember(Base):
    """Copy of identity's accounts as moderation needs them: the nickname shown in
    the queue, and whether the account was deleted (such a member cannot be reported)."""

    __tablename__ = "known_members"

    member_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    nickname: Mapped[str] = mapped_column(String(40))
    registered_at: Mapped[datetime] = mapped_column(UtcDateTime)
    deleted_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None
