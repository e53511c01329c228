"""The copy of members' verified 동 (fed by the member service's events), and what is
erased with an account."""

import asyncio
import uuid
from datetime import datetime

from sqlalchemy import delete, update

from mungmo.hospital.domain.centres import read_centres
from mungmo.hospital.domain.coordinates import Position
from mungmo.hospital.errors import NeighbourhoodUnknown
from mungmo.hospital.models import DELETED_MEMBER_ID, HospitalCorrection, MemberNeighbourhood
from mungmo.hospital.service.context import Hospitals
from mungmo.platform.auth import Actor
from mungmo.platform.db import UnitOfWork


async def remember_neighbourhood(
    uow: UnitOfWork, *, member_id: uuid.UUID, region_code: str, expires_at: datetime
) -> None:
    """Keeps the member's latest verified 동 (a later verification replaces it)."""
    async with uow:
        found = await uow.session.get(MemberNeighbourhood, member_id, with_for_update=True)
        if found is None:
            uow.session.add(
                MemberNeighbourhood(
                    member_id=member_id, region_code=region_code, expires_at=expires_at
                )
            )
        elif found.expires_at <= expires_at:  # events may arrive out of order
            found.region_code = region_code
            found.expires_at = expires_at
        await uow.commit()


async def erase_member(uow: UnitOfWork, *, member_id: uuid.UUID) -> None:
    """An account was deleted: its 동 goes, and its corrections stay (what they say about
    a hospital is still worth checking) without the member or the member's note."""
    async with uow:
        await uow.session.execute(
            delete(MemberNeighbourhood).where(MemberNeighbourhood.member_id == member_id)
        )
        await uow.session.execute(
            update(HospitalCorrection)
            .where(HospitalCorrection.member_id == member_id)
            .values(member_id=DELETED_MEMBER_ID, note="")
        )
        await uow.commit()


async def neighbourhood_centre(hospitals: Hospitals, actor: Actor) -> Position:
    """The centre of the caller's verified 동; NeighbourhoodUnknown (422) without one."""
    async with hospitals.uow() as uow:
        found = await uow.session.get(MemberNeighbourhood, actor.member_id)
        code = None if found is None or found.expires_at < uow.clock() else found.region_code
    if code is None or hospitals.centres_file is None:
        raise NeighbourhoodUnknown()
    centres = await asyncio.to_thread(read_centres, hospitals.centres_file)
    centre = centres.get(code)
    if centre is None:
        raise NeighbourhoodUnknown()
    return Position(centre.latitude, centre.longitude)
