"""행정동 centre points (UTM-K, EPSG:5179) as WGS84, by 10-digit 행정기관코드."""

import csv
import gzip
import io
from functools import lru_cache
from pathlib import Path

from mungmo.hospital.domain.coordinates import LatLon

BUNDLED_CENTRES = (
    Path(__file__).resolve().parent.parent / "data" / "centroids_utmk_2001_2023.tsv.gz"
)


@lru_cache(maxsize=2)
def read_centres(path: Path) -> dict[str, LatLon]:
    """Every code's centre; a later row of the same code (the file lists 2001–2023) wins."""
    from pyproj import Transformer  # heavy import, only when first needed

    raw = path.read_bytes()
    text = (gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw).decode("utf-8-sig")
    rows = [
        row
        for row in csv.DictReader(io.StringIO(text), delimiter="\t")
        if row.get("ADMCD") and row.get("X") and row.get("Y")
    ]
    transformer = Transformer.from_crs("EPSG:5179", "EPSG:4326", always_xy=True)
    longitudes, latitudes = transformer.transform(
        [float(row["X"]) for row in rows], [float(row["Y"]) for row in rows]
    )
    return {
        row["ADMCD"]: LatLon(round(lat, 7), round(lon, 7))
        for row, lat, lon in zip(rows, latitudes, longitudes, strict=True)
    }
