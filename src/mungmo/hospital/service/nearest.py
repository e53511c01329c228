"""The nearest hospitals to a point, exactly, without measuring the whole country.

The search looks in a box around the point that holds the circle of radius r, keeps
what lies within r, and widens r (×4) until more than a page lies within it. Every
hospital closer than r is in the box, so the order found is the exact order.
"""

import math
import uuid

from sqlalchemy import Select

from mungmo.hospital.domain.coordinates import distance_m
from mungmo.hospital.models import Hospital
from mungmo.platform.db import UnitOfWork

FIRST_RADIUS_M = 3_000
# Beyond this the box covers all of Korea: measure everything.
WHOLE_COUNTRY_M = 800_000
_METRES_PER_DEGREE = 111_320

Key = tuple[int, str]
Located = Select[uuid.UUID, float | None, float | None]


def _box(statement: Located, latitude: float, longitude: float, radius: float) -> Located:
    d_lat = radius / _METRES_PER_DEGREE
    d_lon = radius / (_METRES_PER_DEGREE * max(math.cos(math.radians(latitude)), 0.01))
    return statement.where(
        Hospital.latitude.between(latitude - d_lat, latitude + d_lat),
        Hospital.longitude.between(longitude - d_lon, longitude + d_lon),
    )


async def nearest_keys(
    uow: UnitOfWork,
    located: Located,
    *,
    latitude: float,
    longitude: float,
    after: Key | None,
    limit: int,
) -> list[Key]:
    """(metres, id hex) of up to ``limit`` + 1 hospitals of ``located`` (a select of id,
    latitude, longitude) past ``after``, nearest first."""
    radius = float(FIRST_RADIUS_M + (after[0] if after else 0))
    while True:
        whole = radius >= WHOLE_COUNTRY_M
        statement = located if whole else _box(located, latitude, longitude, radius)
        ranked = sorted(
            key
            for hospital_id, lat, lon in await uow.session.execute(statement)
            if lat is not None and lon is not None
            for key in [(round(distance_m(latitude, longitude, lat, lon)), hospital_id.hex)]
            if (whole or key[0] <= radius) and (after is None or key > after)
        )
        if whole or len(ranked) > limit:
            return ranked[: limit + 1]
        radius *= 4
