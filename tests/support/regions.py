"""The real region centre points (shared test data) and places tests stand at."""

import functools
import os
from pathlib import Path

from mungmo.member.domain.regions import RegionRecord, read_centroids
from mungmo.member.service.neighbourhood import import_regions
from mungmo.platform.regions import BUNDLED_CENTROIDS
from tests.support.member_app import MemberApp

# The centre points the project ships (a fresh clone has no ../shared); override with the
# variable to test another file.
CENTROIDS_FILE = Path(os.environ.get("MUNGMO_TEST_CENTROIDS_FILE", str(BUNDLED_CENTROIDS)))

# 서울특별시 종로구 청운효자동: its centre, a spot a few hundred metres away, a spot 1 km
# west that is already 서대문구 (홍제동), and 강남역, far away.
CHEONGUN_HYOJA = "1111051500"
CHEONGUN_HYOJA_NAME = "서울특별시 종로구 청운효자동"
NEAR_CHEONGUN_HYOJA = (37.5862, 126.9701)
HONGJE_ACROSS_THE_BORDER = (37.58475, 126.95702)
GANGNAM_STATION = (37.4979, 127.0276)
# 경기도 양평군 청운면: a 면 (same borders as its legal unit); a spot 5 km east of its
# centre that is still inside it.
CHEONGUN_MYEON = "4183037000"
INSIDE_CHEONGUN_MYEON_5KM_EAST = (37.5473, 127.82391)
# 종로구 사직동, a neighbour of 청운효자동.
SAJIK = "1111053000"


@functools.cache
def centroid_records() -> tuple[RegionRecord, ...]:
    """Parsed once per test session (the conversion to WGS84 is the slow part)."""
    return tuple(read_centroids(CENTROIDS_FILE).records)


async def load_regions(app: MemberApp, *, codes: set[str] | None = None) -> int:
    """Imports the real regions into the app's member database: all of them, or only the
    ``codes`` a test needs (much faster on MariaDB)."""
    records = [r for r in centroid_records() if codes is None or r.code in codes]
    return await import_regions(app.members, records)


async def load_test_regions(app: MemberApp) -> int:
    return await load_regions(app, codes={CHEONGUN_HYOJA, CHEONGUN_MYEON, SAJIK})
