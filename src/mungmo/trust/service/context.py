"""What the trust use cases need, wired once at start-up."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from mungmo.platform.clock import Clock, utc_now
from mungmo.platform.db import UnitOfWork


@dataclass(frozen=True)
class TrustPolicy:
    # SPEC §3: reaching 0 suspends for 30 days.
    suspension: timedelta = timedelta(days=30)


@dataclass
class Trust:
    uow: Callable[..., UnitOfWork]
    clock: Clock = utc_now
    policy: TrustPolicy = field(default_factory=TrustPolicy)
