"""What the meetup use cases need, wired once at start-up."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from mungmo.platform.clock import Clock, utc_now
from mungmo.platform.db import UnitOfWork

REMIND_JOB = "meetup.remind"
CLOSE_ATTENDANCE_JOB = "meetup.close_attendance"


@dataclass(frozen=True)
class MeetupPolicy:
    # The windows a host may choose, in minutes.
    durations_minutes: tuple[float, ...] = (30, 60, 90, 120, 180)
    # A start a little in the past is "now" (a 번개 that starts right away).
    start_grace: timedelta = timedelta(minutes=5)
    furthest_ahead: timedelta = timedelta(days=60)
    quiet_max_capacity: int = 4
    check_in_radius_m: int = 300
    check_in_opens_before: timedelta = timedelta(minutes=15)
    rating_changeable: timedelta = timedelta(hours=24)
    rating_open_for: timedelta = timedelta(days=7)
    reminder_before: timedelta = timedelta(hours=1)


@dataclass(frozen=True)
class MapTiles:
    # A tile URL template; None: the map draws the shipped district boundaries only.
    url: str | None = None
    attribution: str = ""


@dataclass
class Meetups:
    uow: Callable[..., UnitOfWork]
    clock: Clock = utc_now
    policy: MeetupPolicy = field(default_factory=MeetupPolicy)
    tiles: MapTiles = field(default_factory=MapTiles)
    # 행정동 centre points (the platform's file): distances from a member's 동.
    centres_file: Path | None = None
