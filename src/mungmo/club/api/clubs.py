"""Clubs: create, find, mine, edit; joining, members, roles, removal."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, status

from mungmo.club import service
from mungmo.club.domain import Role
from mungmo.club.schemas.clubs import (
    ClubCreate,
    ClubPage,
    ClubRead,
    ClubRoleChange,
    ClubUpdate,
    JoinResult,
    MemberPage,
    MemberRead,
    OwnershipTransfer,
    RemoveMember,
    Topic,
)
from mungmo.club.schemas.schedules import UpcomingPage
from mungmo.club.service.context import Clubs
from mungmo.platform.auth import CurrentMember
from mungmo.platform.pagination import PageParams
from mungmo.platform.service import provide

ClubsDep = Annotated[Clubs, Depends(provide(Clubs))]
CLUBS = "/api/v1/clubs"
CLUB = f"{CLUBS}/{{club_id}}"
MEMBER = f"{CLUB}/members/{{member_id}}"
NO_CONTENT = status.HTTP_204_NO_CONTENT

router = APIRouter(tags=["club"])


@router.post(CLUBS, status_code=status.HTTP_201_CREATED)
async def create_club(body: ClubCreate, actor: CurrentMember, clubs: ClubsDep) -> ClubRead:
    """Make a club in my verified 동, with its first schedules; I am its owner-admin."""
    return await service.create_club(clubs, actor, body)


@router.get(CLUBS)
async def find_clubs(
    actor: CurrentMember,
    clubs: ClubsDep,
    page: PageParams,
    region: Annotated[str | None, Query(max_length=10, pattern=r"^\d{2,10}$")] = None,
    topic: Topic | None = None,
    q: Annotated[str | None, Query(max_length=60)] = None,
) -> ClubPage:
    """Find clubs by region (a 행정동 code or its prefix), topic and title words."""
    return await service.find_clubs(clubs, actor, page, region=region, topic=topic, query=q)


@router.get(f"{CLUBS}/mine")
async def my_clubs(actor: CurrentMember, clubs: ClubsDep, page: PageParams) -> ClubPage:
    return await service.my_clubs(clubs, actor, page)


@router.get(f"{CLUBS}/mine/upcoming")
async def my_upcoming(actor: CurrentMember, clubs: ClubsDep, page: PageParams) -> UpcomingPage:
    """홈: my clubs' next schedules, soonest first."""
    return await service.my_upcoming(clubs, actor, page)


@router.get(CLUB)
async def get_club(club_id: uuid.UUID, actor: CurrentMember, clubs: ClubsDep) -> ClubRead:
    return await service.get_club(clubs, actor, club_id)


@router.patch(CLUB)
async def update_club(
    club_id: uuid.UUID, body: ClubUpdate, actor: CurrentMember, clubs: ClubsDep
) -> ClubRead:
    """The owner-admin and managers edit the club's information."""
    return await service.update_club(clubs, actor, club_id, body)


@router.post(f"{CLUB}/join")
async def join_club(club_id: uuid.UUID, actor: CurrentMember, clubs: ClubsDep) -> JoinResult:
    """Join an open club at once, or ask to join one with approval."""
    return await service.join_club(clubs, actor, club_id)


@router.post(f"{CLUB}/leave", status_code=NO_CONTENT)
async def leave_club(club_id: uuid.UUID, actor: CurrentMember, clubs: ClubsDep) -> None:
    await service.leave_club(clubs, actor, club_id)


@router.get(f"{CLUB}/members")
async def list_members(
    club_id: uuid.UUID,
    actor: CurrentMember,
    clubs: ClubsDep,
    page: PageParams,
    pending: bool = False,
) -> MemberPage:
    """Members (any member), or requests waiting for approval (owner-admin, managers)."""
    return await service.list_members(clubs, actor, club_id, page, pending=pending)


@router.post(f"{MEMBER}/approve")
async def approve_member(
    club_id: uuid.UUID, member_id: uuid.UUID, actor: CurrentMember, clubs: ClubsDep
) -> MemberRead:
    return await service.approve_member(clubs, actor, club_id, member_id)


@router.post(f"{MEMBER}/decline", status_code=NO_CONTENT)
async def decline_member(
    club_id: uuid.UUID, member_id: uuid.UUID, actor: CurrentMember, clubs: ClubsDep
) -> None:
    await service.decline_member(clubs, actor, club_id, member_id)


@router.post(f"{MEMBER}/remove", status_code=NO_CONTENT)
async def remove_member(
    club_id: uuid.UUID,
    member_id: uuid.UUID,
    body: RemoveMember,
    actor: CurrentMember,
    clubs: ClubsDep,
) -> None:
    """The owner-admin removes a member; ``allow_rejoin: false`` bans a rejoin."""
    await service.remove_member(clubs, actor, club_id, member_id, body)


@router.delete(f"{CLUB}/bans/{{member_id}}", status_code=NO_CONTENT)
async def lift_ban(
    club_id: uuid.UUID, member_id: uuid.UUID, actor: CurrentMember, clubs: ClubsDep
) -> None:
    await service.lift_ban(clubs, actor, club_id, member_id)


@router.put(f"{MEMBER}/role")
async def set_role(
    club_id: uuid.UUID,
    member_id: uuid.UUID,
    body: ClubRoleChange,
    actor: CurrentMember,
    clubs: ClubsDep,
) -> MemberRead:
    """The owner-admin adds or removes a manager."""
    return await service.set_role(clubs, actor, club_id, member_id, Role(body.role))


@router.post(f"{CLUB}/transfer", status_code=NO_CONTENT)
async def transfer_ownership(
    club_id: uuid.UUID, body: OwnershipTransfer, actor: CurrentMember, clubs: ClubsDep
) -> None:
    """The owner-admin hands the club over and stays on as a manager."""
    await service.transfer_ownership(clubs, actor, club_id, body.member_id)
