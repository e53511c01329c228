"""The 발도장 policy of SPEC §3, exactly, as pure functions.

| event                     | score below 70 | score 70 and above |
|---------------------------|----------------|--------------------|
| upheld report: 이성 문제  | −5             | −7                 |
| upheld report: 강아지 문제| −3             | −5                 |
| meetup review, s stars    | +round(s / 2)  | +round(s / 3)      |
| no-show at a meetup       | −3             | −5                 |

Every member starts at 30; the score stays within 0..100; the tier is the score's
before the change; rounding is half up; reaching 0 suspends, the suspension's end sets 10.
A member's score is the fold of their causes in cause order (``Cause.order``), so causes
applied in any arrival order give the same score.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Literal

from mungmo.contracts.trust import ReportType, ScoreCauseKind

STARTING_SCORE = 30
LOWEST_SCORE = 0
HIGHEST_SCORE = 100
UPPER_TIER_FROM = 70
SCORE_AFTER_SUSPENSION = 10
# Report types the table fixes; the others carry an administrator-chosen penalty or none.
FIXED_REPORT_PENALTIES: Mapping[str, tuple[int, int]] = {"romance": (5, 7), "dog": (3, 5)}
NO_SHOW_PENALTY = (3, 5)
REVIEW_DIVISORS = (2, 3)
MAX_CHOSEN_PENALTY = 100


class Tier(StrEnum):
    LOWER = "lower"
    UPPER = "upper"


def tier_of(score: int) -> Tier:
    return Tier.UPPER if score >= UPPER_TIER_FROM else Tier.LOWER


def round_half_up(numerator: int, denominator: int) -> int:
    """round(n / d) with halves going up, for n >= 0 and d > 0 (Python's round() would
    take 2.5 to 2)."""
    return (2 * numerator + denominator) // (2 * denominator)


def clamp(score: int) -> int:
    return max(LOWEST_SCORE, min(HIGHEST_SCORE, score))


def _by_tier(amounts: tuple[int, int], tier: Tier) -> int:
    return amounts[1] if tier is Tier.UPPER else amounts[0]


def review_points(stars: int, tier: Tier) -> int:
    if not 1 <= stars <= 5:
        raise ValueError(f"a review has 1 to 5 stars, not {stars}")
    return round_half_up(stars, _by_tier(REVIEW_DIVISORS, tier))


def report_penalty(report_type: ReportType, tier: Tier, chosen: int | None) -> int:
    """Points an upheld report takes away: the table's for 이성 문제 and 강아지 문제,
    otherwise what the administrator chose (None: no penalty)."""
    fixed = FIXED_REPORT_PENALTIES.get(report_type)
    if fixed is not None:
        return _by_tier(fixed, tier)
    if chosen is None:
        return 0
    if not 0 <= chosen <= MAX_CHOSEN_PENALTY:
        raise ValueError(f"a chosen penalty is 0 to {MAX_CHOSEN_PENALTY} points, not {chosen}")
    return chosen


def has_fixed_penalty(report_type: ReportType) -> bool:
    return report_type in FIXED_REPORT_PENALTIES


@dataclass(frozen=True)
class Cause:
    """One reason for a score change. ``key`` names it uniquely for its member (a second
    cause with the same key is the same cause, applied once); ``occurred_at`` and then
    ``key`` are the cause order."""

    kind: ScoreCauseKind
    key: str
    occurred_at: datetime
    stars: int | None = None
    report_type: ReportType | None = None
    chosen_penalty: int | None = None
    # appeal_reversal: the key of the cause whose change it undoes.
    reverses: str | None = None

    @property
    def order(self) -> tuple[datetime, str]:
        return (self.occurred_at, self.key)


def review(review_id: object, stars: int, at: datetime) -> Cause:
    return Cause(kind="review", key=f"review:{review_id}", occurred_at=at, stars=stars)


def no_show(meetup_id: object, at: datetime) -> Cause:
    return Cause(kind="no_show", key=f"no_show:{meetup_id}", occurred_at=at)


def report_upheld(
    report_id: object, report_type: ReportType, at: datetime, chosen_penalty: int | None = None
) -> Cause:
    return Cause(
        kind="report_upheld",
        key=f"report:{report_id}",
        occurred_at=at,
        report_type=report_type,
        chosen_penalty=chosen_penalty,
    )


def appeal_reversal(report_id: object, at: datetime) -> Cause:
    return Cause(
        kind="appeal_reversal",
        key=f"reversal:{report_id}",
        occurred_at=at,
        reverses=f"report:{report_id}",
    )


def suspension_end(suspension_id: object, at: datetime) -> Cause:
    return Cause(kind="suspension_end", key=f"suspension_end:{suspension_id}", occurred_at=at)


@dataclass(frozen=True)
class Step:
    """What one cause did: the score before it (and so the tier), and after it."""

    score_before: int
    score_after: int

    @property
    def delta(self) -> int:
        return self.score_after - self.score_before

    @property
    def tier_before(self) -> Tier:
        return tier_of(self.score_before)

    @property
    def reached_zero(self) -> bool:
        return self.score_after == LOWEST_SCORE and self.score_before > LOWEST_SCORE


def step(score_before: int, cause: Cause, applied: Mapping[str, int]) -> Step:
    """Applies one cause; ``applied`` maps earlier causes' keys to their deltas (an
    appeal gives back what the penalty actually took, after the bounds)."""
    tier = tier_of(score_before)
    match cause.kind:
        case "review":
            assert cause.stars is not None
            change = review_points(cause.stars, tier)
        case "no_show":
            change = -_by_tier(NO_SHOW_PENALTY, tier)
        case "report_upheld":
            assert cause.report_type is not None
            change = -report_penalty(cause.report_type, tier, cause.chosen_penalty)
        case "appeal_reversal":
            change = -applied.get(cause.reverses or "", 0)
        case "suspension_end":
            change = SCORE_AFTER_SUSPENSION - score_before
    return Step(score_before=score_before, score_after=clamp(score_before + change))


@dataclass
class Ledger:
    """A member's causes folded in cause order (the reference the service matches)."""

    start: int = STARTING_SCORE
    steps: list[tuple[Cause, Step]] = field(default_factory=list)

    @property
    def score(self) -> int:
        return self.steps[-1][1].score_after if self.steps else self.start


def fold(causes: Iterable[Cause], start: int = STARTING_SCORE) -> Ledger:
    """Each key once (the first seen wins), in cause order."""
    unique: dict[str, Cause] = {}
    for cause in causes:
        unique.setdefault(cause.key, cause)
    ledger = Ledger(start=start)
    applied: dict[str, int] = {}
    score = start
    for cause in sorted(unique.values(), key=lambda c: c.order):
        done = step(score, cause, applied)
        applied[cause.key] = done.delta
        ledger.steps.append((cause, done))
        score = done.score_after
    return ledger


Direction = Literal["up", "down", "same"]


def direction(delta: int) -> Direction:
    return "up" if delta > 0 else "down" if delta < 0 else "same"
