"""What the trust use cases need, wired once at start-up."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from mungmo.platform.clock import Clock, utc_now
from mungmo.platform.db import UnitOfWork
from mungmo.platform.ratelimit import RateLimiter


@dataclass(frozen=True)
class TrustPolicy:
    # SPEC §3: reaching 0 suspends for 30 days.
    suspension: timedelta = timedelta(days=30)


@dataclass(frozen=True)
class ReportPolicy:
    # A repeat report of the same member by the same reporter within this time is
    # added to the open report instead of opening another.
    merge_window: timedelta = timedelta(hours=24)
    # Types applied on filing, without review (only types with a fixed penalty).
    automatic_types: frozenset[str] = frozenset()


@dataclass
class Trust:
    uow: Callable[..., UnitOfWork]
    clock: Clock = utc_now
    policy: TrustPolicy = field(default_factory=TrustPolicy)
    reports: ReportPolicy = field(default_factory=ReportPolicy)
    reports_per_reporter: RateLimiter = field(default_factory=lambda: RateLimiter(10, 3600))
