"""행정동 centre points as WGS84, by 10-digit 행정기관코드 (the file ships in the platform)."""

from functools import lru_cache
from pathlib import Path

from mungmo.hospital.domain.coordinates import LatLon
from mungmo.platform.regions import read_centroid_rows, utmk_to_wgs84


@lru_cache(maxsize=2)
def read_centres(path: Path) -> dict[str, LatLon]:
    """Every code's centre; a later row of the same code (the file lists 2001–2023) wins."""
    rows = [
        row
        for row in read_centroid_rows(path)
        if row.get("ADMCD") and row.get("X") and row.get("Y")
    ]
    return {
        row["ADMCD"]: LatLon(round(lat, 7), round(lon, 7))
        for row, (lat, lon) in zip(rows, utmk_to_wgs84(rows), strict=True)
    }
