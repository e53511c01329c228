"""What the club use cases need, wired once at start-up."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from mungmo.platform.clock import Clock, utc_now
from mungmo.platform.db import UnitOfWork
from mungmo.platform.ratelimit import RateLimiter


@dataclass(frozen=True)
class ClubPolicy:
    # The reminder event goes out this long before a schedule starts.
    reminder_lead: timedelta = timedelta(hours=2)
    # A chat message's text, in characters.
    max_message_chars: int = 1000


@dataclass
class Clubs:
    uow: Callable[..., UnitOfWork]
    clock: Clock = utc_now
    policy: ClubPolicy = field(default_factory=ClubPolicy)
    # Per member, over HTTP and sockets alike: a burst of 10, then one every 0.5 s.
    chat_sends: RateLimiter = field(default_factory=lambda: RateLimiter(10, 5))
    clubs_created: RateLimiter = field(default_factory=lambda: RateLimiter(5, 3600))
