"""What the member use cases need, wired once at start-up."""

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from mungmo.member.adapters import RegionVerifier
from mungmo.platform.db import UnitOfWork
from mungmo.platform.ratelimit import RateLimiter


@dataclass(frozen=True)
class MemberPolicy:
    max_dogs: int = 5
    neighbourhood_valid_for: timedelta = timedelta(days=30)


@dataclass
class Members:
    uow: Callable[..., UnitOfWork]
    verifier: RegionVerifier
    policy: MemberPolicy = field(default_factory=MemberPolicy)
    # Autocomplete asks on (debounced) keystrokes; this stops scraping the member list.
    nickname_searches: RateLimiter = field(default_factory=lambda: RateLimiter(60, 60))
    # Imported into an empty regions table on first need (the local `mungmo run`).
    regions_file: Path | None = None
    regions_lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    # Once seen non-empty the table stays filled (imports replace it in one transaction).
    regions_loaded: bool = False
