"""Neighbourhood verification and the regions it is checked against.

The device position is passed to the verifier and dropped: it is never stored,
returned, logged or put in an event.
"""

import asyncio
import contextlib

from sqlalchemy import delete, insert, select
from sqlalchemy.exc import IntegrityError

from mungmo.contracts.member import NeighbourhoodVerified
from mungmo.member.adapters import Position
from mungmo.member.domain.regions import RegionRecord, read_centroids, search_terms, short_name
from mungmo.member.errors import (
    PositionOutsideRegion,
    RegionDataMissing,
    RegionLookupFailed,
    RegionNotFound,
)
from mungmo.member.models import Region
from mungmo.member.schemas import NeighbourhoodClaim, NeighbourhoodRead, RegionRead
from mungmo.member.service.context import Members
from mungmo.member.service.profile import complete_onboarding_if_ready
from mungmo.member.service.queries import load_member, neighbourhood_read
from mungmo.platform.auth import Actor
from mungmo.platform.db import UnitOfWork

# How many candidate rows a search looks at before ranking them.
_SEARCH_WINDOW = 200


async def import_regions(members: Members, records: list[RegionRecord]) -> int:
    """Replaces the regions table with ``records`` in one transaction (operators re-run it
    when a newer file comes out; verified neighbourhoods keep their copied names)."""
    async with members.uow() as uow:
        await uow.session.execute(delete(Region))
        if records:
            await uow.session.execute(insert(Region), [_row(record) for record in records])
        await uow.commit()
    return len(records)


def _row(record: RegionRecord) -> dict[str, object]:
    return {
        "code": record.code,
        "name": record.name,
        "latitude": record.latitude,
        "longitude": record.longitude,
    }


async def _has_regions(uow: UnitOfWork) -> bool:
    async with uow:
        return await uow.session.scalar(select(Region.code).limit(1)) is not None


async def _fill_if_empty(uow: UnitOfWork, records: list[RegionRecord]) -> None:
    async with uow:
        if await uow.session.scalar(select(Region.code).limit(1)) is not None:
            return
        await uow.session.execute(insert(Region), [_row(record) for record in records])
        await uow.commit()


async def regions_available(members: Members) -> bool:
    """True when the regions table has data, importing the configured file into an empty
    table first (so a fresh local run needs no manual import)."""
    if members.regions_loaded:
        return True
    if not await _has_regions(members.uow()):
        source = members.regions_file
        if source is None or not source.is_file():
            return False
        async with members.regions_lock:
            if not await _has_regions(members.uow()):
                summary = await asyncio.to_thread(read_centroids, source)
                # Another instance filling it at the same moment is fine.
                with contextlib.suppress(IntegrityError):
                    await _fill_if_empty(members.uow(), summary.records)
    members.regions_loaded = True
    return True


async def search_regions(members: Members, query: str, limit: int) -> list[RegionRead]:
    if not await regions_available(members):
        raise RegionDataMissing("No neighbourhood data has been imported.")
    terms = search_terms(query)
    if not terms:
        return []
    async with members.uow() as uow:
        statement = select(Region.code, Region.name)
        for term in terms:
            statement = statement.where(Region.name.contains(term, autoescape=True))
        rows = (await uow.session.execute(statement.limit(_SEARCH_WINDOW))).all()
    last = terms[-1]

    def rank(row: tuple[str, str]) -> tuple[bool, bool, str]:
        own = short_name(row[1])
        return (own != last, not own.startswith(last), row[1])

    ranked = sorted(((code, name) for code, name in rows), key=rank)[:limit]
    return [RegionRead(code=code, name=short_name(name), full_name=name) for code, name in ranked]


async def _find_region(uow: UnitOfWork, code: str) -> RegionRecord | None:
    async with uow:
        region = await uow.session.get(Region, code)
        if region is None:
            return None
        return RegionRecord(region.code, region.name, region.latitude, region.longitude)


async def verify_neighbourhood(
    members: Members, actor: Actor, claim: NeighbourhoodClaim
) -> NeighbourhoodRead:
    verifier = members.verifier
    if verifier.requires_region_table and not await regions_available(members):
        raise RegionDataMissing("No neighbourhood data has been imported.")
    region = await _find_region(members.uow(), claim.region_code)
    if region is None and verifier.requires_region_table:
        raise RegionNotFound()
    # Outside any transaction: the verifier may call out to Kakao for seconds.
    verdict = await verifier.verify(
        claim.region_code, region, Position(claim.latitude, claim.longitude)
    )
    if not verdict.inside:
        raise PositionOutsideRegion()
    name = verdict.name or (region.name if region is not None else None)
    if name is None:
        raise RegionLookupFailed("The neighbourhood's name is unknown.")
    async with members.uow() as uow:
        member = await load_member(uow, actor.member_id, lock=True)
        now = uow.clock()
        member.region_code = claim.region_code
        member.region_name = name[:100]
        member.region_verified_at = now
        member.region_expires_at = now + members.policy.neighbourhood_valid_for
        uow.emit(
            NeighbourhoodVerified(
                member_id=member.id,
                region_code=member.region_code,
                region_name=member.region_name,
                verified_at=now,
                expires_at=member.region_expires_at,
            ),
            key=member.id,
        )
        complete_onboarding_if_ready(uow, member)
        await uow.commit()
        read = neighbourhood_read(member, now)
        assert read is not None  # just set above
        return read
