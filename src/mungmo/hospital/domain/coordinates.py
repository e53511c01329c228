"""The register's EPSG:5174 coordinates as WGS84, and distances between points."""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

# Korean 1985 / Modified Central Belt (Bessel) with the datum shift spelled out, so the
# result does not depend on the EPSG database the installed PROJ ships with.
EPSG_5174 = (
    "+proj=tmerc +lat_0=38 +lon_0=127.0028902777778 +k=1 +x_0=200000 +y_0=500000 "
    "+ellps=bessel +units=m +no_defs +towgs84=-115.80,474.99,674.11,1.16,-2.31,-1.63,6.43"
)

# Generous bounds of South Korea: a converted point outside is a typo in the register.
_LATITUDES = (32.8, 38.9)
_LONGITUDES = (124.0, 132.1)


@dataclass(frozen=True)
class LatLon:
    latitude: float
    longitude: float


@dataclass(frozen=True)
class Position:
    """A device position or a 동 centre (WGS84); kept out of reprs so a device position
    never lands in a log line."""

    latitude: float
    longitude: float

    def __repr__(self) -> str:
        return "Position(hidden)"


@lru_cache(maxsize=1)
def _transformer() -> object:
    from pyproj import Transformer

    return Transformer.from_crs(EPSG_5174, "EPSG:4326", always_xy=True)


def to_wgs84(points: Sequence[tuple[float, float]]) -> list[LatLon | None]:
    """(easting, northing) pairs to latitude/longitude, all at once (pyproj is much
    faster on arrays); None for a point that lands outside Korea."""
    if not points:
        return []
    transformer = _transformer()
    eastings = [point[0] for point in points]
    northings = [point[1] for point in points]
    longitudes, latitudes = transformer.transform(eastings, northings)  # type: ignore[attr-defined]
    converted: list[LatLon | None] = []
    for latitude, longitude in zip(latitudes, longitudes, strict=True):
        inside = (
            _LATITUDES[0] <= latitude <= _LATITUDES[1]
            and _LONGITUDES[0] <= longitude <= _LONGITUDES[1]
        )
        converted.append(LatLon(round(latitude, 7), round(longitude, 7)) if inside else None)
    return converted


def distance_m(a_lat: float, a_lon: float, b_lat: float, b_lon: float) -> float:
    """Great-circle distance in metres (haversine on a 6,371 km sphere)."""
    phi1, phi2 = math.radians(a_lat), math.radians(b_lat)
    d_phi = phi2 - phi1
    d_lambda = math.radians(b_lon - a_lon)
    h = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * 6_371_000 * math.asin(math.sqrt(h))
