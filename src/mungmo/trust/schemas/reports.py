"""Report and appeal shapes as the reporter and the reported member see them."""

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from mungmo.contracts.trust import ReportType
from mungmo.platform.pagination import Page

ReportStatus = Literal["received", "in_review", "resolved", "dismissed"]
AppealStatus = Literal["pending", "accepted", "rejected"]
MAX_EVIDENCE = 10

Description = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)
]
Note = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=1000)]


def _distinct(ids: list[uuid.UUID]) -> list[uuid.UUID]:
    if len(set(ids)) != len(ids):
        raise ValueError("each file may be attached once")
    return ids


class ReportCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reported_member_id: uuid.UUID = Field(description="Chosen by nickname (GET /api/v1/members).")
    report_type: ReportType
    description: Description
    evidence_media_ids: Annotated[
        list[uuid.UUID], Field(max_length=MAX_EVIDENCE), AfterValidator(_distinct)
    ] = Field(
        default_factory=list,
        description="Uploads of purpose report_evidence by the reporter (photos, videos).",
    )


class EvidenceRead(BaseModel):
    """One evidence file. Its URLs answer only the reporter's and administrators'
    tokens (send the Authorization header; plain <img src> gets 404)."""

    media_id: uuid.UUID
    kind: Literal["image", "video"]
    content_type: str
    duration_ms: int | None
    url: str
    thumbnail_url: str
    poster_url: str | None = Field(description="Videos only: the poster frame.")
    added_at: datetime


class StatementRead(BaseModel):
    """What the reporter wrote: the first filing, then each repeat merged into it."""

    report_type: ReportType
    description: str
    filed_at: datetime


class MyReportRead(BaseModel):
    """A report as its reporter sees it (the decision's note stays with moderators)."""

    id: uuid.UUID
    reported_member_id: uuid.UUID
    reported_nickname: str | None
    report_type: ReportType
    status: ReportStatus
    statements: list[StatementRead]
    evidence: list[EvidenceRead]
    created_at: datetime
    last_filed_at: datetime
    resolved_at: datetime | None


class ReportFiledRead(MyReportRead):
    merged: bool = Field(
        description="True when this filing was added to your open report about this member."
    )


class MyReportPage(Page[MyReportRead]):
    """My reports, newest first."""


class AppealCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    report_id: uuid.UUID = Field(description="An upheld report about me (see my score history).")
    text: Description


class AppealRead(BaseModel):
    id: uuid.UUID
    report_id: uuid.UUID
    report_type: ReportType
    text: str
    status: AppealStatus
    created_at: datetime
    decided_at: datetime | None
    restored: int | None = Field(description="Points given back by an accepted appeal.")


class AppealPage(Page[AppealRead]):
    """Newest first."""
