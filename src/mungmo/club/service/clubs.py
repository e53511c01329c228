"""Creating, editing and finding clubs."""

import uuid
from datetime import datetime

from sqlalchemy import select

from mungmo.club.domain import Action, Role
from mungmo.club.errors import PhotoNotFound, RegionUnknown
from mungmo.club.models import Club, ClubUpload, Membership, Person, Schedule
from mungmo.club.schemas.clubs import ClubCreate, ClubPage, ClubRead, ClubUpdate, Topic
from mungmo.club.schemas.schedules import UpcomingPage, UpcomingSchedule
from mungmo.club.service.context import Clubs
from mungmo.club.service.queries import (
    load_club,
    next_schedules,
    require,
    rsvped,
    schedule_read,
)
from mungmo.club.service.schedules import add_schedules, schedule_starts
from mungmo.contracts.media import media_urls
from mungmo.platform.auth import Actor
from mungmo.platform.db import UnitOfWork
from mungmo.platform.pagination import Keyset, PageRequest, SortKey

NEWEST_FIRST = Keyset(
    (SortKey(Club.created_at, datetime, descending=True), SortKey(Club.id, uuid.UUID))
)


async def check_upload(uow: UnitOfWork, actor: Actor, media_id: uuid.UUID) -> None:
    upload = await uow.session.get(ClubUpload, media_id)
    if upload is None or upload.owner_id != actor.member_id:
        raise PhotoNotFound("Upload the photo as club_photo first.")


async def club_reads(
    uow: UnitOfWork, actor: Actor | None, clubs: list[Club], now: datetime
) -> list[ClubRead]:
    member_id = None if actor is None else actor.member_id
    upcoming = await next_schedules(uow, [club.id for club in clubs], now)
    mine = await rsvped(uow, member_id, [s.id for s in upcoming.values()])
    places: dict[uuid.UUID, Membership] = {}
    if member_id is not None and clubs:
        rows = await uow.session.scalars(
            select(Membership).where(
                Membership.member_id == member_id,
                Membership.club_id.in_([club.id for club in clubs]),
            )
        )
        places = {membership.club_id: membership for membership in rows}
    reads = []
    for club in clubs:
        place = places.get(club.id)
        schedule = upcoming.get(club.id)
        reads.append(
            ClubRead(
                id=club.id,
                title=club.title,
                text=club.text,
                topic=Topic(club.topic),
                region_code=club.region_code,
                region_name=club.region_name,
                join_mode=club.join_mode,
                cover_url=None
                if club.cover_media_id is None
                else media_urls(club.cover_media_id).thumbnail,
                owner_id=club.owner_id,
                member_count=club.member_count,
                next_schedule=None
                if schedule is None
                else schedule_read(schedule, i_rsvped=schedule.id in mine),
                my_role=None if place is None or place.status != "active" else Role(place.role),
                my_status=None if place is None else place.status,
                created_at=club.created_at,
            )
        )
    return reads


async def create_club(clubs: Clubs, actor: Actor, data: ClubCreate) -> ClubRead:
    for schedule in data.schedules:
        schedule_starts(schedule)  # invalid repetition refused before anything is written
    clubs.clubs_created.hit(str(actor.member_id))
    async with clubs.uow() as uow:
        person = await uow.session.get(Person, actor.member_id)
        if person is None or person.region_code is None or person.region_name is None:
            raise RegionUnknown("Verify your neighbourhood, then make a club there.")
        if data.cover_media_id is not None:
            await check_upload(uow, actor, data.cover_media_id)
        now = uow.clock()
        club = Club(
            id=uuid.uuid4(),
            title=data.title,
            text=data.text,
            topic=data.topic.value,
            region_code=person.region_code,
            region_name=person.region_name,
            cover_media_id=data.cover_media_id,
            join_mode=data.join_mode,
            owner_id=actor.member_id,
            member_count=1,
            chat_seq=0,
            created_at=now,
        )
        uow.session.add(club)
        uow.session.add(
            Membership(
                club_id=club.id,
                member_id=actor.member_id,
                role=Role.OWNER.value,
                status="active",
                requested_at=now,
                joined_at=now,
                last_read_seq=0,
            )
        )
        await uow.session.flush()
        for schedule in data.schedules:
            await add_schedules(uow, club, actor, schedule, clubs.policy)
        await uow.session.flush()
        (read,) = await club_reads(uow, actor, [club], now)
        await uow.commit()
    return read


async def update_club(clubs: Clubs, actor: Actor, club_id: uuid.UUID, data: ClubUpdate) -> ClubRead:
    async with clubs.uow() as uow:
        await require(uow, club_id, actor.member_id, Action.EDIT_CLUB)
        club = await load_club(uow, club_id, lock=True)
        sent = data.model_fields_set
        if "cover_media_id" in sent:
            if data.cover_media_id is not None:
                await check_upload(uow, actor, data.cover_media_id)
            club.cover_media_id = data.cover_media_id
        for name in ("title", "text", "join_mode"):
            if name in sent:
                setattr(club, name, getattr(data, name))
        if "topic" in sent and data.topic is not None:
            club.topic = data.topic.value
        (read,) = await club_reads(uow, actor, [club], uow.clock())
        await uow.commit()
    return read


async def get_club(clubs: Clubs, actor: Actor, club_id: uuid.UUID) -> ClubRead:
    async with clubs.uow() as uow:
        club = await load_club(uow, club_id)
        (read,) = await club_reads(uow, actor, [club], uow.clock())
        return read


async def find_clubs(
    clubs: Clubs,
    actor: Actor,
    page: PageRequest,
    *,
    region: str | None,
    topic: Topic | None,
    query: str | None,
) -> ClubPage:
    """Clubs by region (a 행정동 code, or a prefix such as the 시군구's five digits),
    topic and words in the title, newest first."""
    async with clubs.uow() as uow:
        statement = select(Club)
        if region:
            statement = statement.where(Club.region_code.startswith(region, autoescape=True))
        if topic is not None:
            statement = statement.where(Club.topic == topic.value)
        if query:
            statement = statement.where(Club.title.contains(query, autoescape=True))
        rows = list(await uow.session.scalars(NEWEST_FIRST.select_page(statement, page)))
        shown = rows[: page.limit]
        reads = {r.id: r for r in await club_reads(uow, actor, shown, uow.clock())}
        return NEWEST_FIRST.page(
            rows,
            page,
            key=lambda c: (c.created_at, c.id),
            read=lambda c: reads[c.id],
            into=ClubPage,
        )


async def my_clubs(clubs: Clubs, actor: Actor, page: PageRequest) -> ClubPage:
    """Clubs I am in or asked to join, newest first."""
    async with clubs.uow() as uow:
        statement = select(Club).where(
            Club.id.in_(select(Membership.club_id).where(Membership.member_id == actor.member_id))
        )
        rows = list(await uow.session.scalars(NEWEST_FIRST.select_page(statement, page)))
        reads = {r.id: r for r in await club_reads(uow, actor, rows[: page.limit], uow.clock())}
        return NEWEST_FIRST.page(
            rows,
            page,
            key=lambda c: (c.created_at, c.id),
            read=lambda c: reads[c.id],
            into=ClubPage,
        )


UPCOMING = Keyset((SortKey(Schedule.starts_at, datetime), SortKey(Schedule.id, uuid.UUID)))


async def my_upcoming(clubs: Clubs, actor: Actor, page: PageRequest) -> UpcomingPage:
    """홈: the next schedules of the clubs I am an active member of, soonest first."""
    async with clubs.uow() as uow:
        mine = select(Membership.club_id).where(
            Membership.member_id == actor.member_id, Membership.status == "active"
        )
        statement = (
            select(Schedule, Club.title)
            .join(Club, Club.id == Schedule.club_id)
            .where(Schedule.club_id.in_(mine), Schedule.starts_at > uow.clock())
        )
        rows = list((await uow.session.execute(UPCOMING.select_page(statement, page))).all())
        coming = await rsvped(uow, actor.member_id, [s.id for s, _ in rows])
        return UPCOMING.page(
            rows,
            page,
            key=lambda row: (row[0].starts_at, row[0].id),
            read=lambda row: UpcomingSchedule(
                club_id=row[0].club_id,
                club_title=row[1],
                schedule=schedule_read(row[0], i_rsvped=row[0].id in coming),
            ),
            into=UpcomingPage,
        )
