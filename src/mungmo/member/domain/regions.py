"""Korean administrative neighbourhoods (행정동, 읍, 면): the centre-point file an operator
imports, which of its codes a member may claim, and distances on the globe.

See docs/neighbourhood-verification.md for the data and the decisions.
"""

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from mungmo.platform.regions import read_centroid_rows, utmk_to_wgs84

EARTH_RADIUS_KM = 6371.0088

# 시도 and 시군구 codes the file keeps from 2001–2023 that no longer exist: the areas
# now carry other codes (listed beside them), so the old rows are not claimable.
RETIRED_PREFIXES: dict[str, str] = {
    "42": "강원도 → 강원특별자치도 51 (2023-06-11)",
    "49": "제주도 → 제주특별자치도 50 (2006-07-01)",
    "47720": "경상북도 군위군 → 대구광역시 군위군 27720 (2023-07-01)",
    "28170": "인천 남구 → 미추홀구 28177 (2018-07-01)",
    "41195": "부천시 원미구 → 부천시 41190 (2016-07-04)",
    "41197": "부천시 소사구 → 부천시 41190 (2016-07-04)",
    "41199": "부천시 오정구 → 부천시 41190 (2016-07-04)",
    "41270": "안산시 → 상록구 41271, 단원구 41273 (2002-11-01)",
    "41283": "고양시 일산구 → 일산동구 41285, 일산서구 41287 (2005-05-16)",
    "41460": "용인시 → 처인구 41461, 기흥구 41463, 수지구 41465 (2005-10-31)",
    "41710": "양주군 → 양주시 41630 (2003-10-19)",
    "41730": "여주군 → 여주시 41670 (2013-09-23)",
    "41750": "화성군 → 화성시 41590 (2001-03-21)",
    "41790": "광주군 → 광주시 41610 (2001-03-21)",
    "41810": "포천군 → 포천시 41650 (2003-10-19)",
    "43710": "청원군 → 청주시 (2014-07-01)",
    "44130": "천안시 → 동남구 44131, 서북구 44133 (2008-06-09)",
    "44730": "연기군 → 세종특별자치시 36110 (2012-07-01)",
    "44830": "당진군 → 당진시 44270 (2012-01-01)",
    "48110": "옛 창원시 → 통합 창원시 48121–48129 (2010-07-01)",
    "48160": "마산시 → 창원시 48125, 48127 (2010-07-01)",
    "48190": "진해시 → 창원시 진해구 48129 (2010-07-01)",
}

# Branch offices (출장소, 지소) have codes but are not neighbourhoods one lives in.
_OFFICE_SUFFIXES = ("출장소", "지소")


@dataclass(frozen=True)
class RegionRecord:
    """One claimable neighbourhood with its centre point in WGS84."""

    code: str
    name: str  # full name, e.g. "서울특별시 종로구 청운효자동"
    latitude: float
    longitude: float

    @property
    def short_name(self) -> str:
        return short_name(self.name)


@dataclass(frozen=True)
class ImportSummary:
    records: list[RegionRecord]
    skipped_levels: int  # 시도 and 시군구 rows
    skipped_retired: int
    skipped_offices: int
    # Older codes of a place that now has another code (merged, renamed, upgraded).
    skipped_superseded: int = 0


def short_name(full_name: str) -> str:
    """The 동/읍/면 itself: the last word of the full name."""
    return full_name.rsplit(" ", 1)[-1]


def is_neighbourhood_code(code: str) -> bool:
    """10-digit 행정기관코드 SS GGG DDD RR: a 읍면동 has DDD set and no 리 part."""
    return len(code) == 10 and code.isdigit() and code[5:8] != "000" and code[8:] == "00"


def is_retired(code: str) -> bool:
    return any(code.startswith(prefix) for prefix in RETIRED_PREFIXES)


def haversine_km(lat1: float, lng1: float, lat2: float, lng2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    d_phi = phi2 - phi1
    d_lambda = math.radians(lng2 - lng1)
    a = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def read_centroids(path: Path) -> ImportSummary:
    """Reads the centre-point file (columns SERIAL, ADMCD, ADMNM, X, Y in UTM-K) and keeps
    the claimable neighbourhoods, converted to WGS84."""
    kept: list[dict[str, str]] = []
    levels = retired = offices = 0
    for row in read_centroid_rows(path):
        code, name = row["ADMCD"].strip(), " ".join(row["ADMNM"].split())
        if not is_neighbourhood_code(code):
            levels += 1
        elif is_retired(code):
            retired += 1
        elif name.endswith(_OFFICE_SUFFIXES):
            offices += 1
        else:
            kept.append(row)
    current = current_rows(kept)
    superseded = len(kept) - len(current)
    kept = current
    positions = utmk_to_wgs84(kept)
    records = [
        RegionRecord(
            code=row["ADMCD"].strip(),
            name=" ".join(row["ADMNM"].split()),
            latitude=round(lat, 6),
            longitude=round(lng, 6),
        )
        for row, (lat, lng) in zip(kept, positions, strict=True)
    ]
    return ImportSummary(records, levels, retired, offices, superseded)


# Old-style names ("창신제1동") were shortened ("창신1동") when 동 were reorganised.
_OLD_STYLE_NAME = re.compile(r"제\d")
_KIND_RANK = {"동": 2, "읍": 1, "면": 0}


def _currency_rank(row: dict[str, str]) -> tuple[int, int, int, int]:
    """How likely a row is the place's current code: 면 become 읍 and 읍 become 동, never
    the other way; names lose their "제"; 동 merged under a new name get an in-between
    code (청운동 510 and 효자동 520 became 청운효자동 515); otherwise the 동 that absorbed
    its neighbour keeps its older, lower code (동교동 670 went into 서교동 660)."""
    code, name = row["ADMCD"].strip(), short_name(" ".join(row["ADMNM"].split()))
    kind = _KIND_RANK.get(name[-1:], 2)
    new_style = 0 if _OLD_STYLE_NAME.search(name) else 1
    in_between = 1 if code[7] != "0" else 0
    return kind, new_style, in_between, -int(code)


def current_rows(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Drops codes the file keeps from earlier years for a place that has a newer code.

    The file (2001–2023, no dates) gives an abolished code the centre of the area that
    replaced it, so codes of one 시군구 sharing a centre, or a full name, are one place
    under several codes: only the most current of them is kept and can be verified.
    """
    parent = list(range(len(rows)))

    def find(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    first_seen: dict[tuple[str, ...], int] = {}
    for index, row in enumerate(rows):
        district = row["ADMCD"].strip()[:5]
        centre = (district, row["X"].strip(), row["Y"].strip())
        name = (district, " ".join(row["ADMNM"].split()))
        for key in (centre, name):
            other = first_seen.setdefault(key, index)
            parent[find(index)] = find(other)
    best: dict[int, int] = {}
    for index, row in enumerate(rows):
        group = find(index)
        if group not in best or _currency_rank(row) > _currency_rank(rows[best[group]]):
            best[group] = index
    keep = set(best.values())
    return [row for index, row in enumerate(rows) if index in keep]


def search_terms(query: str) -> list[str]:
    """Words of a region search ("종로구 청운" → both must appear), at most five."""
    return [word for word in query.split() if word][:5]


def unique_by_code(records: Iterable[RegionRecord]) -> list[RegionRecord]:
    seen: dict[str, RegionRecord] = {}
    for record in records:
        seen.setdefault(record.code, record)
    return list(seen.values())
