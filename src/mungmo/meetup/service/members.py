"""The copies of other services' events: members' nicknames, photos, public dogs and
verified 동 (member, identity), blocks (member), and what goes with a deleted account."""

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select

from mungmo.meetup.models import Block, CalendarFeed, KnownMember, Meetup, Participation
from mungmo.platform.db import UnitOfWork


async def _known(uow: UnitOfWork, member_id: uuid.UUID) -> KnownMember:
    found = await uow.session.get(KnownMember, member_id, with_for_update=True)
    if found is None:
        found = KnownMember(member_id=member_id, dogs=[])
        uow.session.add(found)
    return found


async def remember_member(uow: UnitOfWork, *, member_id: uuid.UUID, nickname: str) -> None:
    async with uow:
        (await _known(uow, member_id)).nickname = nickname
        await uow.commit()


async def remember_profile(
    uow: UnitOfWork,
    *,
    member_id: uuid.UUID,
    nickname: str,
    photo_media_id: uuid.UUID | None,
    dogs: list[dict[str, Any]] | None,
    changed_at: datetime,
) -> None:
    """Keeps the latest profile (an older event arriving late changes nothing)."""
    async with uow:
        known = await _known(uow, member_id)
        if known.profile_changed_at is None or known.profile_changed_at <= changed_at:
            known.nickname, known.photo_media_id = nickname, photo_media_id
            if dogs is not None:
                known.dogs = dogs
            known.profile_changed_at = changed_at
        await uow.commit()


async def remember_neighbourhood(
    uow: UnitOfWork,
    *,
    member_id: uuid.UUID,
    region_code: str,
    region_name: str,
    expires_at: datetime,
) -> None:
    async with uow:
        known = await _known(uow, member_id)
        if known.region_expires_at is None or known.region_expires_at <= expires_at:
            known.region_code, known.region_name = region_code, region_name
            known.region_expires_at = expires_at
        await uow.commit()


async def remember_block(
    uow: UnitOfWork, *, member_id: uuid.UUID, blocked_id: uuid.UUID, blocked: bool
) -> None:
    async with uow:
        found = await uow.session.get(Block, (member_id, blocked_id))
        if blocked and found is None:
            uow.session.add(Block(member_id=member_id, blocked_id=blocked_id))
        elif not blocked and found is not None:
            await uow.session.delete(found)
        await uow.commit()


async def erase_member(uow: UnitOfWork, *, member_id: uuid.UUID) -> None:
    """An account was deleted: its copy, blocks and feed go; its waiting places free up
    (joined places stay counted, as the meetup happened with them)."""
    async with uow:
        await uow.session.execute(delete(KnownMember).where(KnownMember.member_id == member_id))
        await uow.session.execute(
            delete(Block).where((Block.member_id == member_id) | (Block.blocked_id == member_id))
        )
        await uow.session.execute(delete(CalendarFeed).where(CalendarFeed.member_id == member_id))
        waiting = await uow.session.scalars(
            select(Participation).where(
                Participation.member_id == member_id,
                Participation.status.in_(("waitlisted", "requested")),
            )
        )
        for part in waiting:
            if part.status == "waitlisted":
                meetup = await uow.session.get(Meetup, part.meetup_id, with_for_update=True)
                if meetup is not None:
                    meetup.waitlisted -= 1
            part.status = "left"
        await uow.commit()
