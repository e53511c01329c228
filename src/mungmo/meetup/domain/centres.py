"""행정동 centre points as WGS84 (latitude, longitude), from the file the platform ships."""

from functools import lru_cache
from pathlib import Path

from mungmo.platform.regions import read_centroid_rows, utmk_to_wgs84


@lru_cache(maxsize=2)
def read_centres(path: Path) -> dict[str, tuple[float, float]]:
    """Every code's centre; a later row of the same code (the file lists 2001–2023) wins."""
    rows = [r for r in read_centroid_rows(path) if r.get("ADMCD") and r.get("X") and r.get("Y")]
    return {
        row["ADMCD"]: (round(lat, 7), round(lon, 7))
        for row, (lat, lon) in zip(rows, utmk_to_wgs84(rows), strict=True)
    }
