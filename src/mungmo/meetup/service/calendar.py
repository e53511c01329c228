"""Finding meetups: the calendar's day counts, a day's (or range's) list, 내 번개."""

import asyncio
import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy import ColumnElement, Select, and_, func, select

from mungmo.meetup.domain.centres import read_centres
from mungmo.meetup.domain.geo import (
    SIZE_BITS,
    bounding_box,
    days_between,
    distance_m,
    hours_of,
    sgg_of,
)
from mungmo.meetup.errors import NeighbourhoodUnknown, RangeTooLong
from mungmo.meetup.models import KnownMember, Meetup, Participation
from mungmo.meetup.schemas import CalendarDayRead, CalendarQuery, CalendarRead, MeetupPage
from mungmo.meetup.service.context import Meetups
from mungmo.meetup.service.meetups import verified_region
from mungmo.meetup.service.queries import (
    hidden_members,
    meetup_read,
    my_statuses,
    nicknames,
)
from mungmo.platform.auth import Actor
from mungmo.platform.db import UnitOfWork
from mungmo.platform.pagination import Keyset, PageRequest, SortKey, encode_cursor

MAX_DAYS = 62
BY_START = Keyset((SortKey(Meetup.starts_at, datetime), SortKey(Meetup.id, uuid.UUID)))


@dataclass(frozen=True)
class Circle:
    latitude: float
    longitude: float
    radius_m: float

    def holds(self, latitude: float, longitude: float) -> bool:
        return distance_m(self.latitude, self.longitude, latitude, longitude) <= self.radius_m


async def _where(
    meetups: Meetups, uow: UnitOfWork, actor: Actor, query: CalendarQuery
) -> tuple[list[ColumnElement[bool]], Circle | None]:
    if query.date_to < query.date_from or days_between(query.date_from, query.date_to) > MAX_DAYS:
        raise RangeTooLong()
    region = verified_region(await uow.session.get(KnownMember, actor.member_id), uow.clock())
    if region is None:
        raise NeighbourhoodUnknown()
    code = region[0]
    clauses: list[ColumnElement[bool]] = [
        Meetup.status == "open",
        Meetup.local_date >= query.date_from,
        Meetup.local_date <= query.date_to,
    ]
    circle = None
    if query.region == "dong":
        clauses.append(Meetup.region_code == code)
    elif query.region == "sgg":
        clauses.append(Meetup.sgg_code == sgg_of(code))
    else:
        centres = (
            {}
            if meetups.centres_file is None
            else await asyncio.to_thread(read_centres, meetups.centres_file)
        )
        centre = centres.get(code)
        if centre is None:
            raise NeighbourhoodUnknown()
        circle = Circle(centre[0], centre[1], query.distance_km * 1000)
        south, north, west, east = bounding_box(centre[0], centre[1], circle.radius_m)
        clauses += [
            Meetup.latitude.between(south, north),
            Meetup.longitude.between(west, east),
        ]
    if query.time_of_day is not None:
        clauses.append(Meetup.local_hour.in_(hours_of(query.time_of_day)))
    if query.free_only:
        clauses.append(Meetup.taken < Meetup.capacity)
    if query.dog_size is not None:
        clauses.append(Meetup.size_mask.op("&")(SIZE_BITS[query.dog_size]) != 0)
    if query.quiet:
        clauses.append(Meetup.quiet.is_(True))
    hidden = await hidden_members(uow, actor.member_id)
    if hidden:
        clauses.append(Meetup.host_id.not_in(hidden))
    return clauses, circle


async def calendar_days(meetups: Meetups, actor: Actor, query: CalendarQuery) -> CalendarRead:
    """How many meetups start on each day of the range (days without any are left out)."""
    async with meetups.uow() as uow:
        clauses, circle = await _where(meetups, uow, actor, query)
        if circle is None:
            rows = await uow.session.execute(
                select(Meetup.local_date, func.count())
                .where(and_(*clauses))
                .group_by(Meetup.local_date)
                .order_by(Meetup.local_date)
            )
            counts = {day: count for day, count in rows}
        else:
            places = await uow.session.execute(
                select(Meetup.local_date, Meetup.latitude, Meetup.longitude).where(and_(*clauses))
            )
            counts = dict(Counter(day for day, lat, lon in places if circle.holds(lat, lon)))
    days = [CalendarDayRead(date=day, count=counts[day]) for day in sorted(counts)]
    return CalendarRead(days=days)


async def _page(
    uow: UnitOfWork,
    actor: Actor,
    statement: Select[Meetup],
    page: PageRequest,
    keyset: Keyset,
    circle: Circle | None = None,
) -> MeetupPage:
    rows = list((await uow.session.scalars(keyset.select_page(statement, page))).all())
    shown, more = rows[: page.limit], len(rows) > page.limit
    cursor = encode_cursor([shown[-1].starts_at, shown[-1].id]) if more and shown else None
    kept = [m for m in shown if circle is None or circle.holds(m.latitude, m.longitude)]
    ids = [m.id for m in kept]
    names = await nicknames(uow, [m.host_id for m in kept])
    statuses = await my_statuses(uow, actor.member_id, ids)
    items = [
        meetup_read(
            m,
            host_nickname=names.get(m.host_id, ""),
            my_status=statuses.get(m.id, "none"),
            waitlisted=m.waitlisted,
            distance_m=None
            if circle is None
            else distance_m(circle.latitude, circle.longitude, m.latitude, m.longitude),
        )
        for m in kept
    ]
    return MeetupPage(items=items, next_cursor=cursor)


async def list_meetups(
    meetups: Meetups, actor: Actor, query: CalendarQuery, page: PageRequest
) -> MeetupPage:
    """The meetups of the range, earliest first (the calendar's chosen day or week)."""
    async with meetups.uow() as uow:
        clauses, circle = await _where(meetups, uow, actor, query)
        return await _page(uow, actor, select(Meetup).where(and_(*clauses)), page, BY_START, circle)


LATEST_FIRST = Keyset(
    (
        SortKey(Meetup.starts_at, datetime, descending=True),
        SortKey(Meetup.id, uuid.UUID, descending=True),
    )
)


async def my_meetups(
    meetups: Meetups, actor: Actor, when: Literal["upcoming", "past"], page: PageRequest
) -> MeetupPage:
    """내 번개: those I host, joined, wait for or asked to join; upcoming soonest first,
    past latest first (cancelled ones too, marked)."""
    async with meetups.uow() as uow:
        now = uow.clock()
        mine = select(Participation.meetup_id).where(
            Participation.member_id == actor.member_id,
            Participation.status.in_(("host", "joined", "waitlisted", "requested")),
        )
        statement = select(Meetup).where(Meetup.id.in_(mine))
        if when == "upcoming":
            statement = statement.where(Meetup.ends_at > now)
            return await _page(uow, actor, statement, page, BY_START)
        statement = statement.where(Meetup.ends_at <= now)
        return await _page(uow, actor, statement, page, LATEST_FIRST)
