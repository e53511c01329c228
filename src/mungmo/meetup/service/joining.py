"""Joining and leaving: capacity, the waitlist, requests the host decides.

Every change of who takes part locks the meetup's row first, so ``taken`` never passes
``capacity`` however many join at once; a join also locks the member's own row first,
so a member's concurrent joins cannot land two overlapping meetups."""

import uuid

from sqlalchemy import select

from mungmo.contracts.meetup import JoinRequestDecided, WaitlistPromoted
from mungmo.meetup.errors import (
    AlreadyTakingPart,
    HostCannotLeave,
    MeetupCancelled,
    MeetupOver,
    NotHost,
    NotParticipant,
    RequestNotFound,
)
from mungmo.meetup.models import ACTIVE, Meetup, Participation
from mungmo.meetup.schemas import DecisionRead, JoinRead, MeetupRead
from mungmo.meetup.service.context import Meetups
from mungmo.meetup.service.queries import (
    ensure_free_time,
    load_meetup,
    lock_member,
    meetup_read,
    nicknames,
    participation_of,
    read_one,
)
from mungmo.platform.auth import Actor
from mungmo.platform.db import UnitOfWork


def _take_place(meetup: Meetup, part: Participation) -> str:
    """Joined while there is room, else next on the waitlist (the row is locked)."""
    if meetup.taken < meetup.capacity:
        meetup.taken += 1
        part.status, part.position = "joined", 0
    else:
        part.status, part.position = "waitlisted", meetup.waitlist_next
        meetup.waitlist_next += 1
        meetup.waitlisted += 1
    return part.status


async def join_meetup(meetups: Meetups, actor: Actor, meetup_id: uuid.UUID) -> JoinRead:
    async with meetups.uow() as uow:
        now = uow.clock()
        await lock_member(uow, actor.member_id)
        meetup = await load_meetup(uow, meetup_id, actor.member_id)
        if meetup.status == "cancelled":
            raise MeetupCancelled()
        if meetup.ends_at <= now:
            raise MeetupOver()
        part = await participation_of(uow, meetup.id, actor.member_id)
        if part is not None and part.status in (*ACTIVE, "declined"):
            raise AlreadyTakingPart()
        await ensure_free_time(uow, actor.member_id, meetup.starts_at, meetup.ends_at)
        host_nickname = (await nicknames(uow, [meetup.host_id])).get(meetup.host_id, "")
        # From here to the commit the meetup's row is locked: only what decides the place.
        meetup = await load_meetup(uow, meetup_id, lock=True)
        if part is None:
            part = Participation(meetup_id=meetup.id, member_id=actor.member_id)
            uow.session.add(part)
        part.starts_at, part.ends_at = meetup.starts_at, meetup.ends_at
        part.joined_at = part.updated_at = now
        part.checked_in_at, part.check_in_method, part.confirmed_by_host = None, None, False
        if meetup.approval_required:
            part.status, part.position = "requested", 0
        else:
            _take_place(meetup, part)
        status = part.status
        # Everyone who waits now was there before: this member is last in line.
        position = meetup.waitlisted if status == "waitlisted" else None
        await uow.commit()
    read = meetup_read(
        meetup, host_nickname=host_nickname, my_status=status, waitlisted=meetup.waitlisted
    )
    return JoinRead.model_validate({"status": status, "position": position, "meetup": read})


async def promote_waitlist(uow: UnitOfWork, meetup: Meetup) -> None:
    """Fills free places from the waitlist, first come first served; each promoted
    member is told (WaitlistPromoted). The meetup's row must be locked."""
    while meetup.taken < meetup.capacity and meetup.status == "open":
        following = await uow.session.scalar(
            select(Participation)
            .where(Participation.meetup_id == meetup.id, Participation.status == "waitlisted")
            .order_by(Participation.position)
            .limit(1)
        )
        if following is None:
            return
        now = uow.clock()
        following.status, following.position, following.updated_at = "joined", 0, now
        meetup.taken += 1
        meetup.waitlisted -= 1
        uow.emit(
            WaitlistPromoted(
                meetup_id=meetup.id,
                member_id=following.member_id,
                title=meetup.title,
                starts_at=meetup.starts_at,
                promoted_at=now,
            ),
            key=meetup.id,
        )


async def leave_meetup(meetups: Meetups, actor: Actor, meetup_id: uuid.UUID) -> MeetupRead:
    async with meetups.uow() as uow:
        now = uow.clock()
        await lock_member(uow, actor.member_id)
        meetup = await load_meetup(uow, meetup_id, actor.member_id, lock=True)
        part = await participation_of(uow, meetup.id, actor.member_id)
        if part is None or part.status not in ACTIVE:
            raise NotParticipant()
        if part.status == "host":
            raise HostCannotLeave()
        if meetup.ends_at <= now:
            raise MeetupOver()
        was_joined = part.status == "joined"
        if part.status == "waitlisted":
            meetup.waitlisted -= 1
        part.status, part.position, part.updated_at = "left", 0, now
        if was_joined:
            meetup.taken -= 1
            await promote_waitlist(uow, meetup)
        read = await read_one(uow, meetup, actor.member_id)
        await uow.commit()
        return read


async def decide_request(
    meetups: Meetups, actor: Actor, meetup_id: uuid.UUID, member_id: uuid.UUID, *, approve: bool
) -> DecisionRead:
    async with meetups.uow() as uow:
        now = uow.clock()
        meetup = await load_meetup(uow, meetup_id, actor.member_id, lock=True)
        if meetup.host_id != actor.member_id:
            raise NotHost()
        if meetup.status == "cancelled":
            raise MeetupCancelled()
        part = await participation_of(uow, meetup.id, member_id)
        if part is None or part.status != "requested":
            raise RequestNotFound()
        outcome = _take_place(meetup, part) if approve else "declined"
        part.status = outcome
        part.updated_at = now
        uow.emit(
            JoinRequestDecided(
                meetup_id=meetup.id,
                member_id=member_id,
                title=meetup.title,
                starts_at=meetup.starts_at,
                outcome=outcome,
                decided_at=now,
            ),
            key=meetup.id,
        )
        await uow.commit()
        return DecisionRead.model_validate({"member_id": member_id, "outcome": outcome})
