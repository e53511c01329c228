"""Weekly hours and the open-now rule (Korean time)."""

from datetime import UTC, datetime

import pytest

from mungmo.hospital.domain.hours import (
    HoursInvalid,
    Interval,
    LocalMoment,
    format_clock,
    is_open,
    korean_moment,
    parse_clock,
    weekly_table,
)


def test_clock_text() -> None:
    assert parse_clock("09:30") == 570
    assert parse_clock("24:00") == 1440
    assert format_clock(1440) == "24:00"
    for bad in ("9:30", "24:01", "25:00", "12:60"):
        with pytest.raises(HoursInvalid):
            parse_clock(bad)


def test_table_checks() -> None:
    assert weekly_table([Interval(1, 600, 700), Interval(0, 540, 1080)])[0].weekday == 0
    with pytest.raises(HoursInvalid):
        weekly_table([Interval(0, 600, 600)])
    with pytest.raises(HoursInvalid):
        weekly_table([Interval(7, 0, 60)])
    with pytest.raises(HoursInvalid):
        weekly_table([Interval(0, 540, 720), Interval(0, 700, 1080)])


def test_korean_time_decides_the_weekday() -> None:
    # Sunday 15:30 UTC is Monday 00:30 in Korea.
    assert korean_moment(datetime(2026, 11, 29, 15, 30, tzinfo=UTC)) == LocalMoment(0, 30)


def test_open_now() -> None:
    weekdays = [Interval(day, 540, 1080) for day in range(5)]
    assert is_open(weekdays, open_24h=False, moment=LocalMoment(2, 540))
    assert not is_open(weekdays, open_24h=False, moment=LocalMoment(2, 1080))
    assert not is_open(weekdays, open_24h=False, moment=LocalMoment(6, 600))
    assert is_open([], open_24h=True, moment=LocalMoment(6, 600))
