"""The 발도장: each member's current score, every change with its cause, suspensions."""

import uuid
from datetime import datetime

from sqlalchemy import Index, Integer, SmallInteger, String, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from mungmo.platform.db import IdMixin
from mungmo.platform.db.types import UtcDateTime
from mungmo.trust.domain.score import STARTING_SCORE, Cause
from mungmo.trust.models.base import Base


class MemberScore(Base):
    """The member's current score; the row is locked by every change (one at a time)."""

    __tablename__ = "member_scores"

    member_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    score: Mapped[int] = mapped_column(Integer, default=STARTING_SCORE)
    # How many times the score was published (TrustScoreChanged.version).
    version: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)


class ScoreChange(IdMixin, Base):
    """One cause and what it did, in cause order (occurred_at, cause_key). A late cause
    is slotted in and the changes after it are recomputed (tiers and bounds depend on
    the score before), so the score never depends on arrival order."""

    __tablename__ = "score_changes"
    __table_args__ = (
        UniqueConstraint("member_id", "cause_key", name="uq_score_changes_cause"),
        Index("ix_score_changes_order", "member_id", "occurred_at", "cause_key"),
    )

    member_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    cause_kind: Mapped[str] = mapped_column(String(20))
    cause_key: Mapped[str] = mapped_column(String(80))
    occurred_at: Mapped[datetime] = mapped_column(UtcDateTime)
    stars: Mapped[int | None] = mapped_column(SmallInteger, default=None)
    report_type: Mapped[str | None] = mapped_column(String(16), default=None)
    chosen_penalty: Mapped[int | None] = mapped_column(SmallInteger, default=None)
    reverses: Mapped[str | None] = mapped_column(String(80), default=None)
    score_before: Mapped[int] = mapped_column(Integer)
    score_after: Mapped[int] = mapped_column(Integer)
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime)
    # Set on the change that brought the score to 0 and started a suspension.
    suspension_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)

    @property
    def delta(self) -> int:
        return self.score_after - self.score_before

    def cause(self) -> Cause:
        return Cause(
            kind=self.cause_kind,  # type: ignore[arg-type]
            key=self.cause_key,
            occurred_at=self.occurred_at,
            stars=self.stars,
            report_type=self.report_type,  # type: ignore[arg-type]
            chosen_penalty=self.chosen_penalty,
            reverses=self.reverses,
        )


class Suspension(IdMixin, Base):
    """Reaching 0 suspends writes for the policy's time; ``ended_at`` once it is over."""

    __tablename__ = "suspensions"
    __table_args__ = (Index("ix_suspensions_member", "member_id", "ended_at"),)

    member_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    started_at: Mapped[datetime] = mapped_column(UtcDateTime)
    ends_at: Mapped[datetime] = mapped_column(UtcDateTime)
    # The change that reached 0 (an accepted appeal against it lifts the suspension).
    cause_key: Mapped[str] = mapped_column(String(80))
    ended_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)
    end_reason: Mapped[str | None] = mapped_column(String(16), default=None)

    @property
    def active(self) -> bool:
        return self.ended_at is None
