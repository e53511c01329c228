from datetime import UTC, datetime, timedelta, timezone

from mungmo.platform.clock import as_utc
from mungmo.platform.ids import new_id


def test_ids_are_version_7_and_sort_by_creation() -> None:
    ids = [new_id() for _ in range(200)]
    assert all(i.version == 7 for i in ids)
    assert len(set(ids)) == 200
    stamps = [i.int >> 80 for i in ids]
    assert stamps == sorted(stamps)


def test_naive_times_are_read_as_utc_and_aware_ones_converted() -> None:
    naive = datetime(2026, 11, 25, 9, 0)
    assert as_utc(naive) == datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
    seoul = datetime(2026, 11, 25, 18, 0, tzinfo=timezone(timedelta(hours=9)))
    assert as_utc(seoul) == datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
