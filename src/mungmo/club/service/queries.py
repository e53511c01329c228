"""Reads several club use cases share: loaders, the permission gate, read shapers."""

import uuid
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import or_, select

from mungmo.club.domain import Action, Role, allowed
from mungmo.club.errors import ClubNotFound, NotAllowed, NotAMember
from mungmo.club.models import Block, Club, Membership, Person, Rsvp, Schedule
from mungmo.club.schemas.schedules import ScheduleRead
from mungmo.platform.db import UnitOfWork


async def load_club(uow: UnitOfWork, club_id: uuid.UUID, *, lock: bool = False) -> Club:
    statement = select(Club).where(Club.id == club_id)
    if lock:
        statement = statement.with_for_update()
    club = await uow.session.scalar(statement)
    if club is None:
        raise ClubNotFound("This club does not exist (or was closed).")
    return club


async def membership_of(
    uow: UnitOfWork, club_id: uuid.UUID, member_id: uuid.UUID
) -> Membership | None:
    return await uow.session.get(Membership, (club_id, member_id))


async def role_of(uow: UnitOfWork, club_id: uuid.UUID, member_id: uuid.UUID) -> Role | None:
    membership = await membership_of(uow, club_id, member_id)
    return None if membership is None else membership.active_role


async def require(
    uow: UnitOfWork, club_id: uuid.UUID, member_id: uuid.UUID, action: Action
) -> Role:
    """The member's role when it allows ``action``; otherwise the refusal that says why."""
    await load_club(uow, club_id)
    role = await role_of(uow, club_id, member_id)
    if role is None:
        raise NotAMember("Only this club's members can do this.")
    if not allowed(role, action):
        raise NotAllowed(f"A {role.value} of this club cannot do this.")
    return role


async def nicknames(uow: UnitOfWork, member_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, str]:
    wanted = set(member_ids)
    if not wanted:
        return {}
    rows = await uow.session.execute(
        select(Person.member_id, Person.nickname).where(Person.member_id.in_(wanted))
    )
    return {member_id: nickname for member_id, nickname in rows}


async def hidden_from(uow: UnitOfWork, member_id: uuid.UUID) -> set[uuid.UUID]:
    """Members hidden from ``member_id``: whom they blocked and who blocked them."""
    rows = await uow.session.execute(
        select(Block.blocker_id, Block.blocked_id).where(
            or_(Block.blocker_id == member_id, Block.blocked_id == member_id)
        )
    )
    return {blocked if blocker == member_id else blocker for blocker, blocked in rows}


async def blocked_between(uow: UnitOfWork, one: uuid.UUID, other: uuid.UUID) -> bool:
    return other in await hidden_from(uow, one)


async def active_member_ids(uow: UnitOfWork, club_id: uuid.UUID) -> list[uuid.UUID]:
    return list(
        await uow.session.scalars(
            select(Membership.member_id).where(
                Membership.club_id == club_id, Membership.status == "active"
            )
        )
    )


async def rsvped(
    uow: UnitOfWork, member_id: uuid.UUID | None, schedule_ids: Iterable[uuid.UUID]
) -> set[uuid.UUID]:
    ids = set(schedule_ids)
    if member_id is None or not ids:
        return set()
    return set(
        await uow.session.scalars(
            select(Rsvp.schedule_id).where(Rsvp.member_id == member_id, Rsvp.schedule_id.in_(ids))
        )
    )


def schedule_read(schedule: Schedule, *, i_rsvped: bool) -> ScheduleRead:
    return ScheduleRead(
        id=schedule.id,
        club_id=schedule.club_id,
        series_id=schedule.series_id,
        title=schedule.title,
        starts_at=schedule.starts_at,
        place_name=schedule.place_name,
        capacity=schedule.capacity,
        rsvp_count=schedule.rsvp_count,
        i_rsvped=i_rsvped,
    )


async def next_schedules(
    uow: UnitOfWork, club_ids: Iterable[uuid.UUID], now: datetime
) -> dict[uuid.UUID, Schedule]:
    """Each club's first schedule that has not started."""
    ids = set(club_ids)
    if not ids:
        return {}
    rows = await uow.session.scalars(
        select(Schedule)
        .where(Schedule.club_id.in_(ids), Schedule.starts_at > now)
        .order_by(Schedule.starts_at, Schedule.id)
    )
    found: dict[uuid.UUID, Schedule] = {}
    for schedule in rows:
        found.setdefault(schedule.club_id, schedule)
    return found
