"""Reads the meetup use cases share: loaders, blocks, locks and read shapers."""

import uuid
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.dialects.mysql import insert as mysql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from mungmo.contracts.media import media_urls
from mungmo.meetup.errors import MeetupNotFound, TimeConflict
from mungmo.meetup.models import ACTIVE, Block, KnownMember, Meetup, Participation
from mungmo.meetup.schemas import MeetupRead
from mungmo.platform.db import UnitOfWork


async def hidden_members(uow: UnitOfWork, member_id: uuid.UUID) -> set[uuid.UUID]:
    """Members blocked by ``member_id`` or who blocked them: hidden both ways."""
    rows = await uow.session.execute(
        select(Block.member_id, Block.blocked_id).where(
            or_(Block.member_id == member_id, Block.blocked_id == member_id)
        )
    )
    return {blocked if blocker == member_id else blocker for blocker, blocked in rows}


async def load_meetup(
    uow: UnitOfWork,
    meetup_id: uuid.UUID,
    viewer: uuid.UUID | None = None,
    *,
    lock: bool = False,
) -> Meetup:
    """The meetup; 404 also when its host and the viewer blocked one another."""
    meetup = await uow.session.get(
        Meetup, meetup_id, with_for_update=lock or None, populate_existing=lock
    )
    if meetup is None:
        raise MeetupNotFound()
    if (
        viewer is not None
        and meetup.host_id != viewer
        and meetup.host_id in await hidden_members(uow, viewer)
    ):
        raise MeetupNotFound()
    return meetup


async def lock_member(uow: UnitOfWork, member_id: uuid.UUID) -> KnownMember:
    """The member's row, locked: one join, leave or creation of theirs at a time, so no
    two of their meetups overlap. Members are known from MemberCreated; a member whose
    event has not arrived yet gets the row here. The upsert takes the row's exclusive
    lock at once (no shared lock to upgrade, no gap lock from a read of a missing row),
    so concurrent joins never deadlock on it."""
    values = {"member_id": member_id, "nickname": "", "dogs": []}
    if uow.database.engine.dialect.name == "sqlite":
        await uow.session.execute(
            sqlite_insert(KnownMember).values(values).on_conflict_do_nothing()
        )
    else:
        upsert = mysql_insert(KnownMember).values(values)
        await uow.session.execute(
            upsert.on_duplicate_key_update(member_id=upsert.inserted.member_id)
        )
    found = await uow.session.get(
        KnownMember, member_id, with_for_update=True, populate_existing=True
    )
    assert found is not None
    return found


async def participation_of(
    uow: UnitOfWork, meetup_id: uuid.UUID, member_id: uuid.UUID
) -> Participation | None:
    found: Participation | None = await uow.session.scalar(
        select(Participation).where(
            Participation.meetup_id == meetup_id, Participation.member_id == member_id
        )
    )
    return found


async def ensure_free_time(
    uow: UnitOfWork,
    member_id: uuid.UUID,
    starts_at: datetime,
    ends_at: datetime,
    *,
    besides: uuid.UUID | None = None,
) -> None:
    """TimeConflict when the member is already in (or waiting for) a meetup then."""
    statement = (
        select(Meetup.id, Meetup.title, Meetup.starts_at)
        .join(Participation, Participation.meetup_id == Meetup.id)
        .where(
            Participation.member_id == member_id,
            Participation.status.in_(ACTIVE),
            Participation.starts_at < ends_at,
            Participation.ends_at > starts_at,
            Meetup.status == "open",
        )
        .limit(1)
    )
    if besides is not None:
        statement = statement.where(Meetup.id != besides)
    clash = (await uow.session.execute(statement)).first()
    if clash is not None:
        raise TimeConflict(
            f"You are already in '{clash.title}' at that time.",
            extensions={"meetup_id": str(clash.id), "meetup_title": clash.title},
        )


async def nicknames(uow: UnitOfWork, member_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, str]:
    ids = set(member_ids)
    if not ids:
        return {}
    rows = await uow.session.execute(
        select(KnownMember.member_id, KnownMember.nickname).where(KnownMember.member_id.in_(ids))
    )
    return {member_id: nickname for member_id, nickname in rows}


async def my_statuses(
    uow: UnitOfWork, member_id: uuid.UUID, meetup_ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, str]:
    ids = set(meetup_ids)
    if not ids:
        return {}
    rows = await uow.session.execute(
        select(Participation.meetup_id, Participation.status).where(
            Participation.member_id == member_id, Participation.meetup_id.in_(ids)
        )
    )
    return {meetup_id: status for meetup_id, status in rows}


def photo_urls(media_id: uuid.UUID | None) -> tuple[str | None, str | None]:
    if media_id is None:
        return None, None
    urls = media_urls(media_id)
    return urls.file, urls.thumbnail


def meetup_read(
    meetup: Meetup,
    *,
    host_nickname: str,
    my_status: str = "none",
    waitlisted: int = 0,
    distance_m: float | None = None,
) -> MeetupRead:
    return MeetupRead.model_validate(
        {
            "id": meetup.id,
            "title": meetup.title,
            "starts_at": meetup.starts_at,
            "ends_at": meetup.ends_at,
            "place_name": meetup.place_name,
            "latitude": meetup.latitude,
            "longitude": meetup.longitude,
            "region_code": meetup.region_code,
            "region_name": meetup.region_name,
            "capacity": meetup.capacity,
            "taken": meetup.taken,
            "free_places": meetup.free_places,
            "waitlisted": waitlisted,
            "approval_required": meetup.approval_required,
            "dog_sizes": meetup.dog_sizes,
            "quiet": meetup.quiet,
            "status": meetup.status,
            "host_id": meetup.host_id,
            "host_nickname": host_nickname,
            "my_status": my_status,
            "distance_m": None if distance_m is None else round(distance_m),
        }
    )


async def read_one(uow: UnitOfWork, meetup: Meetup, viewer: uuid.UUID) -> MeetupRead:
    names = await nicknames(uow, [meetup.host_id])
    statuses = await my_statuses(uow, viewer, [meetup.id])
    return meetup_read(
        meetup,
        host_nickname=names.get(meetup.host_id, ""),
        my_status=statuses.get(meetup.id, "none"),
        waitlisted=meetup.waitlisted,
    )
