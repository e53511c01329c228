"""Opening hours administrators maintain: a weekly table of intervals in Korean time.

An interval is a weekday (0 = Monday) with an opening and a closing minute of that day
(0..1440). Hours past midnight are two intervals (Fri 20:00-24:00, Sat 00:00-02:00).
A hospital flagged 24-hour is open whatever its table says.
"""

import itertools
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone

# Korea keeps one offset all year (no daylight saving).
KOREA = timezone(timedelta(hours=9), "KST")
MINUTES_PER_DAY = 24 * 60

_CLOCK = re.compile(r"^([01]\d|2[0-4]):([0-5]\d)$")


class HoursInvalid(ValueError):
    pass


@dataclass(frozen=True, order=True)
class Interval:
    weekday: int
    opens: int
    closes: int


def parse_clock(text: str) -> int:
    """``"09:30"`` to minutes since midnight; ``"24:00"`` is the end of the day."""
    match = _CLOCK.match(text)
    if match is None:
        raise HoursInvalid(f"{text!r} is not HH:MM")
    minutes = int(match.group(1)) * 60 + int(match.group(2))
    if minutes > MINUTES_PER_DAY:
        raise HoursInvalid(f"{text!r} is past the end of the day")
    return minutes


def format_clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def weekly_table(intervals: list[Interval]) -> list[Interval]:
    """The intervals sorted, after checking each opens before it closes and none overlap."""
    ordered = sorted(intervals)
    for interval in ordered:
        if not 0 <= interval.weekday <= 6:
            raise HoursInvalid("weekday must be 0 (Monday) to 6 (Sunday)")
        if not 0 <= interval.opens < interval.closes <= MINUTES_PER_DAY:
            raise HoursInvalid("an interval must open before it closes, within one day")
    for before, after in itertools.pairwise(ordered):
        if before.weekday == after.weekday and after.opens < before.closes:
            raise HoursInvalid("intervals of one day overlap")
    return ordered


@dataclass(frozen=True)
class LocalMoment:
    weekday: int
    minute: int


def korean_moment(now: datetime) -> LocalMoment:
    local = now.astimezone(UTC).astimezone(KOREA)
    return LocalMoment(local.weekday(), local.hour * 60 + local.minute)


def is_open(intervals: list[Interval], *, open_24h: bool, moment: LocalMoment) -> bool:
    if open_24h:
        return True
    return any(
        interval.weekday == moment.weekday and interval.opens <= moment.minute < interval.closes
        for interval in intervals
    )
