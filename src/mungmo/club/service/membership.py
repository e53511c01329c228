"""Joining (open or by approval), leaving, roles, removal with a rejoin ban."""

import uuid
from datetime import datetime

from sqlalchemy import delete, select, update

from mungmo.club.domain import Action, Role
from mungmo.club.errors import (
    AlreadyMember,
    MemberNotFound,
    NotAllowed,
    OwnerCannotLeave,
    RejoinBanned,
)
from mungmo.club.models import Club, ClubBan, Membership, Person, Rsvp, Schedule
from mungmo.club.schemas.clubs import JoinResult, MemberPage, MemberRead, RemoveMember
from mungmo.club.service.context import Clubs
from mungmo.club.service.queries import load_club, membership_of, require
from mungmo.contracts.club import ClubMemberRemoved
from mungmo.platform.auth import Actor
from mungmo.platform.db import UnitOfWork
from mungmo.platform.pagination import Keyset, PageRequest, SortKey

BY_REQUEST = Keyset(
    (SortKey(Membership.requested_at, datetime), SortKey(Membership.member_id, uuid.UUID))
)


async def join_club(clubs: Clubs, actor: Actor, club_id: uuid.UUID) -> JoinResult:
    async with clubs.uow() as uow:
        club = await load_club(uow, club_id, lock=True)
        if await uow.session.get(ClubBan, (club_id, actor.member_id)) is not None:
            raise RejoinBanned("The owner-admin removed you from this club for good.")
        if await membership_of(uow, club_id, actor.member_id) is not None:
            raise AlreadyMember("You are already in this club, or your request is waiting.")
        now = uow.clock()
        status = "active" if club.join_mode == "open" else "pending"
        uow.session.add(
            Membership(
                club_id=club_id,
                member_id=actor.member_id,
                role=Role.MEMBER.value,
                status=status,
                requested_at=now,
                joined_at=now if status == "active" else None,
                # A new member starts reading at the present, not at the club's first message.
                last_read_seq=club.chat_seq,
            )
        )
        if status == "active":
            club.member_count += 1
        await uow.commit()
    return JoinResult(status=status)


async def _drop_rsvps(uow: UnitOfWork, club_id: uuid.UUID, member_id: uuid.UUID) -> None:
    """A member who goes no longer counts toward the club's coming schedules."""
    upcoming = select(Schedule.id).where(
        Schedule.club_id == club_id, Schedule.starts_at > uow.clock()
    )
    theirs = list(
        await uow.session.scalars(
            select(Rsvp.schedule_id).where(
                Rsvp.member_id == member_id, Rsvp.schedule_id.in_(upcoming)
            )
        )
    )
    if theirs:
        await uow.session.execute(
            delete(Rsvp).where(Rsvp.member_id == member_id, Rsvp.schedule_id.in_(theirs))
        )
        await uow.session.execute(
            update(Schedule)
            .where(Schedule.id.in_(theirs))
            .values(rsvp_count=Schedule.rsvp_count - 1)
            .execution_options(synchronize_session=False)
        )


async def _end_membership(
    uow: UnitOfWork, club: Club, membership: Membership, *, reason: str, banned: bool
) -> None:
    was_active = membership.status == "active"
    await uow.session.delete(membership)
    if was_active:
        club.member_count -= 1
        await _drop_rsvps(uow, club.id, membership.member_id)
        uow.emit(
            ClubMemberRemoved(
                club_id=club.id,
                member_id=membership.member_id,
                reason=reason,
                rejoin_banned=banned,
                removed_at=uow.clock(),
            ),
            key=club.id,
        )


async def leave_club(clubs: Clubs, actor: Actor, club_id: uuid.UUID) -> None:
    """Leave the club, or withdraw a request to join."""
    async with clubs.uow() as uow:
        club = await load_club(uow, club_id, lock=True)
        membership = await membership_of(uow, club_id, actor.member_id)
        if membership is None:
            raise MemberNotFound("You are not in this club.")
        if membership.role == Role.OWNER.value:
            raise OwnerCannotLeave("Hand the club over to a member first.")
        await _end_membership(uow, club, membership, reason="left", banned=False)
        await uow.commit()


async def _target(uow: UnitOfWork, club_id: uuid.UUID, member_id: uuid.UUID) -> Membership:
    membership = await membership_of(uow, club_id, member_id)
    if membership is None:
        raise MemberNotFound("This member is not in the club.")
    return membership


async def approve_member(
    clubs: Clubs, actor: Actor, club_id: uuid.UUID, member_id: uuid.UUID
) -> MemberRead:
    async with clubs.uow() as uow:
        await require(uow, club_id, actor.member_id, Action.APPROVE_MEMBER)
        club = await load_club(uow, club_id, lock=True)
        membership = await _target(uow, club_id, member_id)
        if membership.status == "pending":
            membership.status = "active"
            membership.joined_at = uow.clock()
            membership.last_read_seq = club.chat_seq
            club.member_count += 1
        read = await _member_read(uow, membership)
        await uow.commit()
    return read


async def decline_member(
    clubs: Clubs, actor: Actor, club_id: uuid.UUID, member_id: uuid.UUID
) -> None:
    async with clubs.uow() as uow:
        await require(uow, club_id, actor.member_id, Action.APPROVE_MEMBER)
        membership = await _target(uow, club_id, member_id)
        if membership.status != "pending":
            raise MemberNotFound("No request of this member is waiting.")
        await uow.session.delete(membership)
        await uow.commit()


async def remove_member(
    clubs: Clubs, actor: Actor, club_id: uuid.UUID, member_id: uuid.UUID, data: RemoveMember
) -> None:
    """The owner-admin removes a member, choosing whether they may join again."""
    async with clubs.uow() as uow:
        await require(uow, club_id, actor.member_id, Action.REMOVE_MEMBER)
        club = await load_club(uow, club_id, lock=True)
        membership = await _target(uow, club_id, member_id)
        if membership.role == Role.OWNER.value:
            raise NotAllowed("The owner-admin cannot be removed.")
        await _end_membership(uow, club, membership, reason="removed", banned=not data.allow_rejoin)
        if not data.allow_rejoin and await uow.session.get(ClubBan, (club_id, member_id)) is None:
            uow.session.add(
                ClubBan(
                    club_id=club_id,
                    member_id=member_id,
                    banned_by=actor.member_id,
                    banned_at=uow.clock(),
                )
            )
        await uow.commit()


async def lift_ban(clubs: Clubs, actor: Actor, club_id: uuid.UUID, member_id: uuid.UUID) -> None:
    async with clubs.uow() as uow:
        await require(uow, club_id, actor.member_id, Action.LIFT_BAN)
        ban = await uow.session.get(ClubBan, (club_id, member_id))
        if ban is None:
            raise MemberNotFound("This member is not banned from the club.")
        await uow.session.delete(ban)
        await uow.commit()


async def set_role(
    clubs: Clubs, actor: Actor, club_id: uuid.UUID, member_id: uuid.UUID, role: Role
) -> MemberRead:
    """The owner-admin makes a member a manager, or a manager a member again."""
    async with clubs.uow() as uow:
        await require(uow, club_id, actor.member_id, Action.SET_MANAGER)
        membership = await _target(uow, club_id, member_id)
        if membership.status != "active" or membership.role == Role.OWNER.value:
            raise NotAllowed("Only an active member's role other than the owner's changes.")
        membership.role = role.value
        read = await _member_read(uow, membership)
        await uow.commit()
    return read


async def transfer_ownership(
    clubs: Clubs, actor: Actor, club_id: uuid.UUID, member_id: uuid.UUID
) -> None:
    """The owner-admin hands the club over; they stay on as a manager."""
    async with clubs.uow() as uow:
        await require(uow, club_id, actor.member_id, Action.TRANSFER_OWNERSHIP)
        club = await load_club(uow, club_id, lock=True)
        target = await _target(uow, club_id, member_id)
        if target.status != "active" or member_id == actor.member_id:
            raise NotAllowed("Hand the club to another active member.")
        owner = await _target(uow, club_id, actor.member_id)
        owner.role = Role.MANAGER.value
        target.role = Role.OWNER.value
        club.owner_id = member_id
        await uow.commit()


async def _member_read(uow: UnitOfWork, membership: Membership) -> MemberRead:
    person = await uow.session.get(Person, membership.member_id)
    return MemberRead(
        member_id=membership.member_id,
        nickname="" if person is None else person.nickname,
        role=Role(membership.role),
        status=membership.status,
        joined_at=membership.joined_at,
    )


async def list_members(
    clubs: Clubs, actor: Actor, club_id: uuid.UUID, page: PageRequest, *, pending: bool
) -> MemberPage:
    """Active members (any member sees them), or requests waiting (moderators)."""
    async with clubs.uow() as uow:
        await require(
            uow, club_id, actor.member_id, Action.APPROVE_MEMBER if pending else Action.READ_CONTENT
        )
        statement = select(Membership).where(
            Membership.club_id == club_id,
            Membership.status == ("pending" if pending else "active"),
        )
        rows = list(await uow.session.scalars(BY_REQUEST.select_page(statement, page)))
        reads = {m.member_id: await _member_read(uow, m) for m in rows}
        return BY_REQUEST.page(
            rows,
            page,
            key=lambda m: (m.requested_at, m.member_id),
            read=lambda m: reads[m.member_id],
            into=MemberPage,
        )
