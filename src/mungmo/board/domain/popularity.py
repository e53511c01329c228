"""인기글: how popular a post is now, from its recent likes, comments and views.

    popularity = Σ weight(kind) · ½^(age / half-life)      over the interactions of the window

Each like weighs 3, each comment 5 and each de-duplicated view (a member's first read of
the day) 1; an interaction's age is measured from when it happened (a view: noon of its
day, KST). Interactions older than the window (7 days) count nothing, and the half-life
(24 hours) makes yesterday's like worth half of today's. A post is in 인기글 from
``MIN_POPULARITY`` (one fresh like and one comment, or a handful of readers)."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

Kind = Literal["like", "comment", "view"]
WEIGHTS: dict[Kind, float] = {"like": 3.0, "comment": 5.0, "view": 1.0}


@dataclass(frozen=True)
class PopularityPolicy:
    window: timedelta = timedelta(days=7)
    half_life: timedelta = timedelta(hours=24)
    min_popularity: float = 6.0


def decayed(kind: Kind, at: datetime, now: datetime, policy: PopularityPolicy) -> float:
    age = max(now - at, timedelta(0))
    if age > policy.window:
        return 0.0
    return WEIGHTS[kind] * float(0.5 ** (age / policy.half_life))


def popularity(
    interactions: Iterable[tuple[Kind, datetime]], now: datetime, policy: PopularityPolicy
) -> float:
    return sum(decayed(kind, at, now, policy) for kind, at in interactions)
