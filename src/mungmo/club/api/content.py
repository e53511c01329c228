"""Schedules with RSVP, the notice and free boards, the album."""

import uuid
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Query, status
from pydantic import AwareDatetime

from mungmo.club import service
from mungmo.club.schemas.content import (
    AlbumPage,
    AlbumPhotoCreate,
    AlbumPhotoRead,
    BoardName,
    ClubPostCreate,
    ClubPostPage,
    ClubPostRead,
    PinChange,
)
from mungmo.club.schemas.schedules import (
    ScheduleCreate,
    SchedulePage,
    ScheduleRead,
    ScheduleUpdate,
)
from mungmo.club.service.context import Clubs
from mungmo.platform.auth import CurrentMember
from mungmo.platform.pagination import PageParams
from mungmo.platform.service import provide

ClubsDep = Annotated[Clubs, Depends(provide(Clubs))]
CLUB = "/api/v1/clubs/{club_id}"
SCHEDULE = f"{CLUB}/schedules/{{schedule_id}}"
NO_CONTENT = status.HTTP_204_NO_CONTENT

router = APIRouter(tags=["club"])


@router.post(f"{CLUB}/schedules", status_code=status.HTTP_201_CREATED)
async def create_schedule(
    club_id: uuid.UUID, body: ScheduleCreate, actor: CurrentMember, clubs: ClubsDep
) -> list[ScheduleRead]:
    """A schedule, or with ``recurrence`` every occurrence of a repeating one."""
    return await service.create_schedule(clubs, actor, club_id, body)


@router.get(f"{CLUB}/schedules")
async def list_schedules(
    club_id: uuid.UUID,
    actor: CurrentMember,
    clubs: ClubsDep,
    page: PageParams,
    starts_from: Annotated[AwareDatetime | None, Query(alias="from")] = None,
    starts_before: Annotated[AwareDatetime | None, Query(alias="before")] = None,
) -> SchedulePage:
    """The club's schedules in a window (e.g. the calendar's month), soonest first."""
    window_from: datetime | None = starts_from
    window_before: datetime | None = starts_before
    return await service.list_schedules(
        clubs, actor, club_id, page, starts_from=window_from, starts_before=window_before
    )


@router.patch(SCHEDULE)
async def update_schedule(
    club_id: uuid.UUID,
    schedule_id: uuid.UUID,
    body: ScheduleUpdate,
    actor: CurrentMember,
    clubs: ClubsDep,
) -> ScheduleRead:
    return await service.update_schedule(clubs, actor, club_id, schedule_id, body)


@router.delete(SCHEDULE, status_code=NO_CONTENT)
async def delete_schedule(
    club_id: uuid.UUID, schedule_id: uuid.UUID, actor: CurrentMember, clubs: ClubsDep
) -> None:
    await service.delete_schedule(clubs, actor, club_id, schedule_id)


@router.put(f"{SCHEDULE}/rsvp")
async def rsvp(
    club_id: uuid.UUID, schedule_id: uuid.UUID, actor: CurrentMember, clubs: ClubsDep
) -> ScheduleRead:
    """I come (while places are left)."""
    return await service.rsvp(clubs, actor, club_id, schedule_id)


@router.delete(f"{SCHEDULE}/rsvp")
async def cancel_rsvp(
    club_id: uuid.UUID, schedule_id: uuid.UUID, actor: CurrentMember, clubs: ClubsDep
) -> ScheduleRead:
    return await service.cancel_rsvp(clubs, actor, club_id, schedule_id)


@router.post(f"{CLUB}/posts", status_code=status.HTTP_201_CREATED)
async def create_post(
    club_id: uuid.UUID, body: ClubPostCreate, actor: CurrentMember, clubs: ClubsDep
) -> ClubPostRead:
    """Notices: the owner-admin and managers; the free board: every member."""
    return await service.create_post(clubs, actor, club_id, body)


@router.get(f"{CLUB}/posts")
async def list_posts(
    club_id: uuid.UUID, board: BoardName, actor: CurrentMember, clubs: ClubsDep, page: PageParams
) -> ClubPostPage:
    """A board's posts, pinned notices first, then newest."""
    return await service.list_posts(clubs, actor, club_id, board, page)


@router.delete(f"{CLUB}/posts/{{post_id}}", status_code=NO_CONTENT)
async def delete_post(
    club_id: uuid.UUID, post_id: uuid.UUID, actor: CurrentMember, clubs: ClubsDep
) -> None:
    await service.delete_post(clubs, actor, club_id, post_id)


@router.put(f"{CLUB}/posts/{{post_id}}/pin")
async def pin_post(
    club_id: uuid.UUID, post_id: uuid.UUID, body: PinChange, actor: CurrentMember, clubs: ClubsDep
) -> ClubPostRead:
    return await service.pin_post(clubs, actor, club_id, post_id, pinned=body.pinned)


@router.post(f"{CLUB}/photos", status_code=status.HTTP_201_CREATED)
async def add_photo(
    club_id: uuid.UUID, body: AlbumPhotoCreate, actor: CurrentMember, clubs: ClubsDep
) -> AlbumPhotoRead:
    return await service.add_photo(clubs, actor, club_id, body)


@router.get(f"{CLUB}/photos")
async def list_photos(
    club_id: uuid.UUID, actor: CurrentMember, clubs: ClubsDep, page: PageParams
) -> AlbumPage:
    return await service.list_photos(clubs, actor, club_id, page)


@router.delete(f"{CLUB}/photos/{{photo_id}}", status_code=NO_CONTENT)
async def delete_photo(
    club_id: uuid.UUID, photo_id: uuid.UUID, actor: CurrentMember, clubs: ClubsDep
) -> None:
    await service.delete_photo(clubs, actor, club_id, photo_id)
