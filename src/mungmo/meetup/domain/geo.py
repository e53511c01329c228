"""Distances on the earth and the Asia/Seoul calendar a meetup is shown in."""

import math
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

SEOUL = ZoneInfo("Asia/Seoul")
EARTH_RADIUS_M = 6_371_000.0

TimeOfDay = Literal["morning", "afternoon", "evening", "night"]
# The Seoul hours of the start each time of day covers.
TIME_OF_DAY_HOURS: dict[str, tuple[int, ...]] = {
    "morning": tuple(range(5, 12)),
    "afternoon": tuple(range(12, 17)),
    "evening": tuple(range(17, 21)),
    "night": (21, 22, 23, 0, 1, 2, 3, 4),
}


def hours_of(time_of_day: TimeOfDay) -> list[int]:
    return list(TIME_OF_DAY_HOURS[time_of_day])


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine), in metres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlam = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlam / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(a))


def bounding_box(lat: float, lon: float, radius_m: float) -> tuple[float, float, float, float]:
    """(south, north, west, east) around a point, a little larger than the circle."""
    dlat = math.degrees(radius_m / EARTH_RADIUS_M)
    dlon = dlat / max(math.cos(math.radians(lat)), 0.01)
    return lat - dlat, lat + dlat, lon - dlon, lon + dlon


def seoul_day_and_hour(moment: datetime) -> tuple[date, int]:
    local = moment.astimezone(SEOUL)
    return local.date(), local.hour


def seoul_day_start(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=SEOUL)


def days_between(first: date, last: date) -> int:
    return (last - first).days + 1


def seoul_today(now: datetime) -> date:
    return now.astimezone(SEOUL).date()


def sgg_of(region_code: str) -> str:
    """The 시/군/구 of a 10-digit 행정동 code: its first five digits."""
    return region_code[:5]


ONE_DAY = timedelta(days=1)


SIZE_BITS = {"small": 1, "medium": 2, "large": 4}


def size_mask(sizes: Iterable[str]) -> int:
    mask = 0
    for size in sizes:
        mask |= SIZE_BITS[size]
    return mask
