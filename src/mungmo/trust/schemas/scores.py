"""The 발도장 as its member and administrators read it: the score, its history, suspensions."""

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from mungmo.contracts.trust import ReportType, ScoreCauseKind
from mungmo.platform.pagination import Page


class TrustScoreRead(BaseModel):
    member_id: uuid.UUID
    score: int = Field(ge=0, le=100)
    tier: Literal["lower", "upper"] = Field(description="upper: 70 and above.")
    suspended_until: datetime | None = Field(
        description="While suspended: writes are refused until then."
    )


class ScoreHistoryEntryRead(BaseModel):
    """One change and its cause, with the numbers and a plain sentence for each language."""

    id: uuid.UUID
    cause_kind: ScoreCauseKind
    occurred_at: datetime
    score_before: int
    score_after: int
    delta: int
    tier_before: Literal["lower", "upper"]
    stars: int | None = Field(description="review: the stars given (1-5).")
    report_type: ReportType | None = Field(description="report_upheld: the report's type.")
    report_id: uuid.UUID | None = Field(
        description="report_upheld and appeal_reversal: the report (to appeal it, or see it)."
    )
    suspended_until: datetime | None = Field(
        description="Set when this change brought the score to 0 and suspended the member."
    )
    sentence_ko: str
    sentence_en: str


class ScoreHistoryPage(Page[ScoreHistoryEntryRead]):
    """Newest cause first."""
