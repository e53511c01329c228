"""Korean 행정동 centre points: reference data that several services read.

The file ships with MungMo (``platform/data/``, credited in its README). Each service
reads it into its own database or memory: member for neighbourhood verification, hospital
for distances from a member's 동.
"""

import csv
import gzip
from collections.abc import Iterator, Sequence
from pathlib import Path

BUNDLED_CENTROIDS = Path(__file__).with_name("data") / "centroids_utmk_2001_2023.tsv.gz"

# The file's X/Y are UTM-K (Korea 2000 Unified CS); devices and maps speak WGS84.
UTMK = "EPSG:5179"
WGS84 = "EPSG:4326"

CENTROID_COLUMNS = frozenset({"ADMCD", "ADMNM", "X", "Y"})


def read_centroid_rows(path: Path) -> Iterator[dict[str, str]]:
    """Rows of a centre-point file (SERIAL, ADMCD, ADMNM, X, Y), plain or gzipped."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t")
        missing = CENTROID_COLUMNS - set(reader.fieldnames or ())
        if missing:
            raise ValueError(f"{path}: missing columns {sorted(missing)}")
        yield from reader


def utmk_to_wgs84(rows: Sequence[dict[str, str]]) -> list[tuple[float, float]]:
    """(latitude, longitude) of each row's X/Y, in order."""
    from pyproj import Transformer  # heavy import, only when reading the data

    to_wgs84 = Transformer.from_crs(UTMK, WGS84, always_xy=True)
    longitudes, latitudes = to_wgs84.transform(
        [float(row["X"]) for row in rows], [float(row["Y"]) for row in rows]
    )
    return [(float(lat), float(lng)) for lat, lng in zip(latitudes, longitudes, strict=True)]
