"""What the board use cases need, wired once at start-up."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from mungmo.board.domain.popularity import PopularityPolicy
from mungmo.platform.clock import Clock, utc_now
from mungmo.platform.db import UnitOfWork
from mungmo.platform.ratelimit import RateLimiter


@dataclass(frozen=True)
class BoardPolicy:
    popularity: PopularityPolicy = field(default_factory=PopularityPolicy)
    # How often the board.popularity job recomputes 인기글.
    popularity_every: timedelta = timedelta(minutes=5)


@dataclass
class Boards:
    uow: Callable[..., UnitOfWork]
    clock: Clock = utc_now
    policy: BoardPolicy = field(default_factory=BoardPolicy)
    posts_per_member: RateLimiter = field(default_factory=lambda: RateLimiter(30, 3600))
