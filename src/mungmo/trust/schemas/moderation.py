"""Administrators' shapes: the moderation queue, decisions, bans, the audit log."""

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from mungmo.contracts.trust import ReportType
from mungmo.platform.pagination import Page
from mungmo.trust.schemas.reports import (
    AppealStatus,
    EvidenceRead,
    Note,
    ReportStatus,
    StatementRead,
)


class QueueReportRead(BaseModel):
    id: uuid.UUID
    reporter_id: uuid.UUID
    reporter_nickname: str | None
    reported_member_id: uuid.UUID
    reported_nickname: str | None
    report_type: ReportType
    status: ReportStatus
    evidence_count: int
    created_at: datetime
    last_filed_at: datetime
    resolved_at: datetime | None
    penalty: int | None = Field(description="Points an upheld report took.")
    automatic: bool = Field(description="Resolved by the policy (automatic application).")


class QueueReportPage(Page[QueueReportRead]):
    """Oldest first, so the longest waiting report is on top."""


class ScoreChangeRead(BaseModel):
    cause_kind: str
    cause_key: str
    report_type: ReportType | None
    score_before: int
    score_after: int
    delta: int
    occurred_at: datetime


class SuspensionRead(BaseModel):
    id: uuid.UUID
    member_id: uuid.UUID
    nickname: str | None
    started_at: datetime
    ends_at: datetime


class BanRead(BaseModel):
    member_id: uuid.UUID
    nickname: str | None
    source: Literal["moderation", "identity"] = Field(
        description="moderation: banned here with a reason; identity: in the accounts admin."
    )
    reason: str | None
    banned_by: uuid.UUID | None
    banned_at: datetime


class MemberHistoryRead(BaseModel):
    """The reported member: their other reports, score changes and sanctions in force."""

    member_id: uuid.UUID
    nickname: str | None
    deleted: bool
    score: int
    earlier_reports: list[QueueReportRead]
    score_changes: list[ScoreChangeRead] = Field(description="Newest first, at most 50.")
    active_suspension: SuspensionRead | None
    ban: BanRead | None


class QueueAppealRead(BaseModel):
    id: uuid.UUID
    report_id: uuid.UUID
    member_id: uuid.UUID
    nickname: str | None
    text: str
    status: AppealStatus
    created_at: datetime
    decided_at: datetime | None
    decided_by: uuid.UUID | None
    decision_note: str | None
    restored: int | None


class QueueAppealPage(Page[QueueAppealRead]):
    """Oldest first."""


class ReportDetailRead(QueueReportRead):
    statements: list[StatementRead]
    evidence: list[EvidenceRead]
    resolved_by: uuid.UUID | None
    resolution_note: str | None
    fixed_penalty: int | None = Field(
        description="The policy's penalty for this type at the member's current tier; "
        "null when the administrator chooses one (or none)."
    )
    appeal: QueueAppealRead | None
    reported_member: MemberHistoryRead


class UpholdRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    note: Note
    penalty: int | None = Field(
        default=None,
        ge=0,
        le=100,
        description="Only for types without a fixed penalty (노쇼 이의, 욕설/비매너, 스팸/사기, "
        "기타): the points to take, or null for none. Refused for 이성 문제 and 강아지 문제.",
    )


class DecisionNote(BaseModel):
    model_config = ConfigDict(extra="forbid")

    note: Note


class BanCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # Identity keeps the reason in its own audit log too (at most 500 characters there).
    reason: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]


class BanPage(Page[BanRead]):
    """Newest first."""


class SuspensionPage(Page[SuspensionRead]):
    """Ending soonest first."""


class ModerationAuditEntryRead(BaseModel):
    id: uuid.UUID
    action: str
    member_id: uuid.UUID
    report_id: uuid.UUID | None
    appeal_id: uuid.UUID | None
    actor_id: uuid.UUID | None
    actor_label: str = Field(description='"admin", or "policy" for automatic application.')
    note: str | None
    points: int | None
    created_at: datetime


class ModerationAuditPage(Page[ModerationAuditEntryRead]):
    """Newest first."""
