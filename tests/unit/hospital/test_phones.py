"""Register phone text made dialable."""

import pytest

from mungmo.hospital.domain.addresses import Region
from mungmo.hospital.domain.phones import normalise_phone, tel_uri

SEOUL = Region("서울특별시", "강남구")
GWANGJU = Region("광주광역시", "북구")


@pytest.mark.parametrize(
    ("raw", "region", "expected"),
    [
        ("02-123-4567", SEOUL, "02-123-4567"),
        ("0212345678", SEOUL, "02-1234-5678"),
        ("062)571-1275", GWANGJU, "062-571-1275"),
        ("062) 571-1275", GWANGJU, "062-571-1275"),
        ("571-1275", GWANGJU, "062-571-1275"),
        ("5711-1275", SEOUL, "02-5711-1275"),
        ("582-3363,562-1729", GWANGJU, "062-582-3363"),
        ("224-7582~3", GWANGJU, "062-224-7582"),
        ("062-571-1275(2)", GWANGJU, "062-571-1275"),
        ("010-1234-5678", GWANGJU, "010-1234-5678"),
        ("0507-1375-5852", SEOUL, "0507-1375-5852"),
        ("1588-1234", SEOUL, "1588-1234"),
        ("2680-1234", Region("경기도", "광명시"), "02-2680-1234"),
        ("321-1234", Region("경기도", "부천시"), "032-321-1234"),
        ("321-1234", Region("경기도", "수원시 장안구"), "031-321-1234"),
        ("841-1234", Region("충청남도", "계룡시"), "042-841-1234"),
        ("222-1234", Region("전북특별자치도", "전주시 완산구"), "063-222-1234"),
    ],
)
def test_numbers_get_their_area_code_and_hyphens(raw: str, region: Region, expected: str) -> None:
    assert normalise_phone(raw, region).primary == expected


def test_what_cannot_be_a_number_is_dropped() -> None:
    assert normalise_phone("", SEOUL).primary is None
    assert normalise_phone("없음", SEOUL).primary is None
    assert normalise_phone("036-241-7275", SEOUL).primary is None  # no such area code
    assert normalise_phone("571-1275", None).primary is None  # region unknown


def test_flags_say_what_was_done() -> None:
    added = normalise_phone("571-1275", GWANGJU)
    assert added.area_code_added and not added.several
    several = normalise_phone("062-582-3363,562-1729", GWANGJU)
    assert several.several and not several.area_code_added


def test_tel_uri_holds_digits_only() -> None:
    assert tel_uri("062-571-1275") == "tel:0625711275"
