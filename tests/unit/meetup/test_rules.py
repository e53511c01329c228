"""Pure meetup rules: distances, Seoul days and hours, size bits, compatibility hints."""

from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mungmo.meetup.domain.compat import hints_for
from mungmo.meetup.domain.geo import (
    bounding_box,
    distance_m,
    hours_of,
    seoul_day_and_hour,
    sgg_of,
    size_mask,
)


def test_distances_match_known_ones() -> None:
    # 서울역 to 강남역 is about 8 km as the crow flies.
    assert distance_m(37.5547, 126.9707, 37.4979, 127.0276) == pytest.approx(8_100, rel=0.05)
    assert distance_m(37.5, 127.0, 37.5, 127.0) == 0


@given(
    st.floats(34, 38),
    st.floats(126, 129),
    st.floats(10, 20_000),
    st.floats(-1, 1),
    st.floats(-1, 1),
)
def test_a_point_inside_the_circle_is_inside_its_box(
    lat: float, lon: float, radius: float, north: float, east: float
) -> None:
    south_edge, north_edge, west_edge, east_edge = bounding_box(lat, lon, radius)
    # A point at most ``radius`` away, in some direction.
    point_lat = lat + north * (north_edge - lat) * 0.7
    point_lon = lon + east * (east_edge - lon) * 0.7
    if distance_m(lat, lon, point_lat, point_lon) <= radius:
        assert south_edge <= point_lat <= north_edge
        assert west_edge <= point_lon <= east_edge


def test_days_and_hours_are_seoul_ones() -> None:
    # 15:30 UTC is 00:30 the next day in Seoul.
    assert seoul_day_and_hour(datetime(2026, 12, 2, 15, 30, tzinfo=UTC)) == (date(2026, 12, 3), 0)
    assert 0 in hours_of("night") and 23 in hours_of("night") and 5 not in hours_of("night")
    assert hours_of("morning") == list(range(5, 12))
    every = [h for t in ("morning", "afternoon", "evening", "night") for h in hours_of(t)]
    assert sorted(every) == list(range(24))


def test_sizes_and_districts() -> None:
    assert size_mask(["small", "large"]) == 5
    assert size_mask(["small", "medium", "large"]) == 7
    assert sgg_of("1111051500") == "11110"


def test_hints_come_from_public_fields_only() -> None:
    mine = {"id": "d1", "size": "small", "energy_level": 2}
    big_friendly = {
        "size": "large",
        "traits": ["good_with_small_dogs"],
        "muzzle": True,
        "energy_level": 5,
    }
    assert hints_for(mine, [big_friendly]) == [
        "energy_differs",
        "good_with_small_dogs",
        "muzzle",
        "size_differs",
    ]
    # Unknown (private) fields say nothing.
    assert hints_for(mine, [{"name": "보리"}]) == []
    assert hints_for(
        {"id": "d2", "size": "large"}, [{"size": "large", "traits": ["good_with_big_dogs"]}]
    ) == ["good_with_big_dogs"]
