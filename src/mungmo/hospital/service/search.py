"""Finding hospitals: region, name, 24-hour and open-now filters, by name or distance.

A position for the distance sort is used for this one answer: never stored, logged or
returned (only each hospital's distance from it is).
"""

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal, TypeVarTuple

from sqlalchemy import ColumnElement, Select, exists, func, or_, select

from mungmo.hospital.domain.coordinates import Position
from mungmo.hospital.domain.hours import (
    Interval,
    LocalMoment,
    format_clock,
    is_open,
    korean_moment,
)
from mungmo.hospital.errors import HospitalNotFound, PositionRequired
from mungmo.hospital.models import Hospital, HospitalHours
from mungmo.hospital.schemas import (
    HospitalDetailRead,
    HospitalDistrictRead,
    HospitalPage,
    HospitalProvinceRead,
    HospitalRead,
    HoursIntervalRead,
)
from mungmo.hospital.service.context import Hospitals
from mungmo.hospital.service.nearest import nearest_keys
from mungmo.hospital.service.neighbourhoods import neighbourhood_centre
from mungmo.hospital.service.register import register_available
from mungmo.platform.auth import Actor
from mungmo.platform.db import UnitOfWork
from mungmo.platform.pagination import Keyset, PageRequest, SortKey, decode_cursor, encode_cursor

Columns = TypeVarTuple("Columns")

_BY_NAME = Keyset((SortKey(Hospital.name, str), SortKey(Hospital.id, uuid.UUID)))


@dataclass(frozen=True)
class HospitalQuery:
    province: str | None = None
    district: str | None = None
    name: str | None = None
    only_24h: bool = False
    open_now: bool = False
    include_livestock: bool = False
    sort: Literal["name", "distance"] = "name"
    position: Position | None = None
    # Distance from the caller's verified 동 centre instead of a device position.
    from_neighbourhood: bool = False


def _open_at(moment: LocalMoment) -> ColumnElement[bool]:
    return or_(
        Hospital.open_24h.is_(True),
        exists().where(
            HospitalHours.hospital_id == Hospital.id,
            HospitalHours.weekday == moment.weekday,
            HospitalHours.opens <= moment.minute,
            HospitalHours.closes > moment.minute,
        ),
    )


def _filtered(
    statement: Select[*Columns], query: HospitalQuery, moment: LocalMoment
) -> Select[*Columns]:
    statement = statement.where(Hospital.listed.is_(True))
    if not query.include_livestock:
        statement = statement.where(Hospital.livestock.is_(False))
    if query.province:
        statement = statement.where(Hospital.province == query.province)
    if query.district:
        statement = statement.where(Hospital.district == query.district)
    if query.name and query.name.strip():
        statement = statement.where(Hospital.name.contains(query.name.strip(), autoescape=True))
    if query.only_24h:
        statement = statement.where(Hospital.open_24h.is_(True))
    if query.open_now:
        statement = statement.where(_open_at(moment))
    return statement


async def _hours_of(uow: UnitOfWork, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, list[Interval]]:
    found: dict[uuid.UUID, list[Interval]] = {hospital_id: [] for hospital_id in ids}
    if not ids:
        return found
    rows = await uow.session.scalars(
        select(HospitalHours).where(HospitalHours.hospital_id.in_(list(ids)))
    )
    for row in rows:
        found[row.hospital_id].append(Interval(row.weekday, row.opens, row.closes))
    for intervals in found.values():
        intervals.sort()
    return found


def _open_now(hospital: Hospital, hours: list[Interval], moment: LocalMoment) -> bool | None:
    if not hospital.open_24h and not hours:
        return None
    return is_open(hours, open_24h=hospital.open_24h, moment=moment)


def hospital_read(
    hospital: Hospital, hours: list[Interval], moment: LocalMoment, distance: int | None = None
) -> HospitalRead:
    return HospitalRead(
        id=hospital.id,
        name=hospital.name,
        phone=hospital.shown_phone,
        address=hospital.road_address or hospital.lot_address,
        lot_address=hospital.lot_address,
        province=hospital.province,
        district=hospital.district,
        latitude=hospital.latitude,
        longitude=hospital.longitude,
        open_24h=hospital.open_24h,
        name_hint_24h=hospital.name_hint_24h,
        open_now=_open_now(hospital, hours, moment),
        livestock=hospital.livestock,
        distance_m=distance,
    )


async def _by_name(
    uow: UnitOfWork, query: HospitalQuery, page: PageRequest, moment: LocalMoment
) -> HospitalPage:
    statement = _BY_NAME.select_page(_filtered(select(Hospital), query, moment), page)
    rows = (await uow.session.scalars(statement)).all()
    hours = await _hours_of(uow, [row.id for row in rows[: page.limit]])
    return _BY_NAME.page(
        rows,
        page,
        key=lambda h: (h.name, h.id),
        read=lambda h: hospital_read(h, hours[h.id], moment),
        into=HospitalPage,
    )


async def _by_distance(
    uow: UnitOfWork, query: HospitalQuery, page: PageRequest, moment: LocalMoment
) -> HospitalPage:
    """Nearest first, exactly (see nearest.py); hospitals without coordinates cannot be
    placed and are left out. The cursor is (metres, id) of the last one shown."""
    if query.position is None:
        raise PositionRequired()
    here = query.position
    located = _filtered(
        select(Hospital.id, Hospital.latitude, Hospital.longitude), query, moment
    ).where(Hospital.latitude.is_not(None), Hospital.longitude.is_not(None))
    after = None
    if page.cursor is not None:
        distance, last_id = decode_cursor(page.cursor, [int, str])
        assert isinstance(distance, int) and isinstance(last_id, str)  # as decoded
        after = (distance, last_id)
    ranked = await nearest_keys(
        uow,
        located,
        latitude=here.latitude,
        longitude=here.longitude,
        after=after,
        limit=page.limit,
    )
    shown = ranked[: page.limit]
    ids = [uuid.UUID(hex=key[1]) for key in shown]
    loaded = {
        hospital.id: hospital
        for hospital in await uow.session.scalars(select(Hospital).where(Hospital.id.in_(ids)))
    }
    hours = await _hours_of(uow, ids)
    items = [
        hospital_read(loaded[hospital_id], hours[hospital_id], moment, distance)
        for (distance, _), hospital_id in zip(shown, ids, strict=True)
    ]
    more = len(ranked) > page.limit
    return HospitalPage(items=items, next_cursor=encode_cursor(list(shown[-1])) if more else None)


async def search_hospitals(
    hospitals: Hospitals, actor: Actor, query: HospitalQuery, page: PageRequest
) -> HospitalPage:
    await register_available(hospitals)
    if query.from_neighbourhood:
        centre = await neighbourhood_centre(hospitals, actor)
        query = replace(query, sort="distance", position=centre)
    moment = korean_moment(hospitals.clock())
    async with hospitals.uow() as uow:
        if query.sort == "distance":
            return await _by_distance(uow, query, page, moment)
        return await _by_name(uow, query, page, moment)


async def get_hospital(hospitals: Hospitals, hospital_id: uuid.UUID) -> HospitalDetailRead:
    await register_available(hospitals)
    moment = korean_moment(hospitals.clock())
    async with hospitals.uow() as uow:
        hospital = await uow.session.get(Hospital, hospital_id)
        if hospital is None or not hospital.listed:
            raise HospitalNotFound()
        hours = (await _hours_of(uow, [hospital.id]))[hospital.id]
        return detail_read(hospital, hours, moment)


def detail_read(
    hospital: Hospital, hours: list[Interval], moment: LocalMoment
) -> HospitalDetailRead:
    summary = hospital_read(hospital, hours, moment)
    return HospitalDetailRead(
        **summary.model_dump(),
        hours=[
            HoursIntervalRead(
                weekday=i.weekday, opens=format_clock(i.opens), closes=format_clock(i.closes)
            )
            for i in hours
        ],
        phone_as_registered=hospital.phone_raw,
    )


async def list_provinces(hospitals: Hospitals) -> list[HospitalProvinceRead]:
    await register_available(hospitals)
    statement = (
        select(Hospital.province, func.count())
        .where(Hospital.listed.is_(True), Hospital.livestock.is_(False))
        .where(Hospital.province.is_not(None))
        .group_by(Hospital.province)
        .order_by(Hospital.province)
    )
    async with hospitals.uow() as uow:
        rows = (await uow.session.execute(statement)).all()
    return [HospitalProvinceRead(name=str(name), count=count) for name, count in rows]


async def list_districts(hospitals: Hospitals, province: str) -> list[HospitalDistrictRead]:
    await register_available(hospitals)
    statement = (
        select(Hospital.district, func.count())
        .where(Hospital.listed.is_(True), Hospital.livestock.is_(False))
        .where(Hospital.province == province, Hospital.district.is_not(None))
        .group_by(Hospital.district)
        .order_by(Hospital.district)
    )
    async with hospitals.uow() as uow:
        rows = (await uow.session.execute(statement)).all()
    return [HospitalDistrictRead(name=str(name), count=count) for name, count in rows]
