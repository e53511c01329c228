"""Administrators keep hospitals true: weekly hours, the 24-hour flag, phone, closure."""

import uuid

from sqlalchemy import delete, insert

from mungmo.hospital.domain import hours as rules
from mungmo.hospital.domain.phones import format_number
from mungmo.hospital.errors import HospitalNotFound, HoursInvalid, PhoneInvalid
from mungmo.hospital.models import Hospital, HospitalHours
from mungmo.hospital.schemas import HospitalDetailRead, HoursIntervalIn, HoursIntervalRead
from mungmo.hospital.service.audit import record_change
from mungmo.hospital.service.context import Hospitals
from mungmo.hospital.service.search import detail_read
from mungmo.platform.auth import Actor
from mungmo.platform.db import UnitOfWork


def weekly_intervals(hours: list[HoursIntervalIn]) -> list[rules.Interval]:
    """Checked intervals from the request's HH:MM; HoursInvalid (422) otherwise."""
    try:
        return rules.weekly_table(
            [
                rules.Interval(
                    item.weekday, rules.parse_clock(item.opens), rules.parse_clock(item.closes)
                )
                for item in hours
            ]
        )
    except rules.HoursInvalid as error:
        raise HoursInvalid(str(error)) from None


def dialable(phone: str) -> str:
    digits = "".join(ch for ch in phone if ch.isdigit())
    formatted = format_number(digits)
    if formatted is None:
        raise PhoneInvalid()
    return formatted


def interval_reads(intervals: list[rules.Interval]) -> list[HoursIntervalRead]:
    return [
        HoursIntervalRead(
            weekday=i.weekday,
            opens=rules.format_clock(i.opens),
            closes=rules.format_clock(i.closes),
        )
        for i in intervals
    ]


async def load_hospital(uow: UnitOfWork, hospital_id: uuid.UUID) -> Hospital:
    hospital = await uow.session.get(Hospital, hospital_id, with_for_update=True)
    if hospital is None:
        raise HospitalNotFound()
    return hospital


async def replace_hours(
    uow: UnitOfWork, hospital: Hospital, intervals: list[rules.Interval], open_24h: bool
) -> None:
    await uow.session.execute(delete(HospitalHours).where(HospitalHours.hospital_id == hospital.id))
    if intervals:
        await uow.session.execute(
            insert(HospitalHours),
            [
                {
                    "hospital_id": hospital.id,
                    "weekday": i.weekday,
                    "opens": i.opens,
                    "closes": i.closes,
                }
                for i in intervals
            ],
        )
    hospital.open_24h = open_24h
    hospital.updated_at = uow.clock()


async def set_hours(
    hospitals: Hospitals,
    actor: Actor,
    hospital_id: uuid.UUID,
    *,
    open_24h: bool,
    hours: list[HoursIntervalIn],
) -> HospitalDetailRead:
    """Replaces a hospital's weekly hours and 24-hour flag (administrators only)."""
    intervals = weekly_intervals(hours)
    async with hospitals.uow() as uow:
        hospital = await load_hospital(uow, hospital_id)
        before = {"open_24h": hospital.open_24h}
        await replace_hours(uow, hospital, intervals, open_24h)
        record_change(
            uow,
            actor=actor,
            action="hours_set",
            hospital_id=hospital.id,
            details={
                **before,
                "to_open_24h": open_24h,
                "hours": [i.model_dump() for i in interval_reads(intervals)],
            },
            at=uow.clock(),
        )
        await uow.commit()
        return detail_read(hospital, intervals, rules.korean_moment(hospitals.clock()))
