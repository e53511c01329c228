"""Schedules: create (one, or a repeating series), edit, delete, RSVP, reminders."""

import uuid
from datetime import datetime

from sqlalchemy import delete, select, update

from mungmo.club.domain import Action, build_rrule, occurrences
from mungmo.club.errors import (
    CapacityBelowRsvps,
    RecurrenceInvalid,
    ScheduleFull,
    ScheduleNotFound,
    ScheduleOver,
)
from mungmo.club.models import Club, Rsvp, Schedule, ScheduleSeries
from mungmo.club.schemas.schedules import (
    ScheduleCreate,
    SchedulePage,
    ScheduleRead,
    ScheduleUpdate,
)
from mungmo.club.service.context import ClubPolicy, Clubs
from mungmo.club.service.queries import (
    active_member_ids,
    load_club,
    require,
    rsvped,
    schedule_read,
)
from mungmo.club.service.reminders import REMINDER_JOB, plan_reminder, reminder_key
from mungmo.contracts.club import ClubScheduleCreated
from mungmo.platform.auth import Actor
from mungmo.platform.db import UnitOfWork
from mungmo.platform.pagination import Keyset, PageRequest, SortKey
from mungmo.platform.scheduling import cancel_job

SOONEST_FIRST = Keyset((SortKey(Schedule.starts_at, datetime), SortKey(Schedule.id, uuid.UUID)))


def schedule_starts(data: ScheduleCreate) -> list[datetime]:
    if data.recurrence is None:
        return [data.starts_at]
    recurrence = data.recurrence
    try:
        rule = build_rrule(
            data.starts_at,
            frequency=recurrence.frequency,
            interval=recurrence.interval,
            weekdays=recurrence.weekdays,
            count=recurrence.count,
            until=recurrence.until,
        )
        starts = occurrences(rule)
    except (KeyError, ValueError) as error:
        raise RecurrenceInvalid("Use weekdays MO–SU and an end after the start.") from error
    if not starts:
        raise RecurrenceInvalid("This rule gives no dates.")
    return starts


async def add_schedules(
    uow: UnitOfWork, club: Club, actor: Actor, data: ScheduleCreate, policy: ClubPolicy
) -> list[Schedule]:
    """The schedule, or every occurrence of its repetition, with reminders and events."""
    now = uow.clock()
    series_id = None
    if data.recurrence is not None:
        series = ScheduleSeries(
            club_id=club.id,
            rrule=build_rrule(
                data.starts_at,
                frequency=data.recurrence.frequency,
                interval=data.recurrence.interval,
                weekdays=data.recurrence.weekdays,
                count=data.recurrence.count,
                until=data.recurrence.until,
            ),
            created_by=actor.member_id,
            created_at=now,
        )
        uow.session.add(series)
        await uow.session.flush()
        series_id = series.id
    told = [m for m in await active_member_ids(uow, club.id) if m != actor.member_id]
    made = []
    for starts_at in schedule_starts(data):
        schedule = Schedule(
            id=uuid.uuid4(),
            club_id=club.id,
            series_id=series_id,
            title=data.title,
            starts_at=starts_at,
            place_name=data.place_name,
            capacity=data.capacity,
            rsvp_count=0,
            created_by=actor.member_id,
            created_at=now,
        )
        uow.session.add(schedule)
        made.append(schedule)
        await plan_reminder(uow, schedule, policy)
        uow.emit(
            ClubScheduleCreated(
                club_id=club.id,
                club_title=club.title,
                schedule_id=schedule.id,
                title=schedule.title,
                starts_at=starts_at,
                place_name=schedule.place_name,
                member_ids=told,
                created_at=now,
            ),
            key=club.id,
        )
    return made


async def create_schedule(
    clubs: Clubs, actor: Actor, club_id: uuid.UUID, data: ScheduleCreate
) -> list[ScheduleRead]:
    schedule_starts(data)  # an invalid rule is refused before the transaction
    async with clubs.uow() as uow:
        await require(uow, club_id, actor.member_id, Action.MANAGE_SCHEDULE)
        club = await load_club(uow, club_id)
        made = await add_schedules(uow, club, actor, data, clubs.policy)
        await uow.commit()
    return [schedule_read(schedule, i_rsvped=False) for schedule in made]


async def _load_schedule(
    uow: UnitOfWork, club_id: uuid.UUID, schedule_id: uuid.UUID, *, lock: bool = False
) -> Schedule:
    statement = select(Schedule).where(Schedule.id == schedule_id, Schedule.club_id == club_id)
    if lock:
        statement = statement.with_for_update()
    schedule = await uow.session.scalar(statement)
    if schedule is None:
        raise ScheduleNotFound("This schedule does not exist.")
    return schedule


async def update_schedule(
    clubs: Clubs, actor: Actor, club_id: uuid.UUID, schedule_id: uuid.UUID, data: ScheduleUpdate
) -> ScheduleRead:
    async with clubs.uow() as uow:
        await require(uow, club_id, actor.member_id, Action.MANAGE_SCHEDULE)
        schedule = await _load_schedule(uow, club_id, schedule_id, lock=True)
        sent = data.model_fields_set
        if "capacity" in sent and data.capacity is not None and data.capacity < schedule.rsvp_count:
            raise CapacityBelowRsvps(f"{schedule.rsvp_count} members already said they come.")
        if "starts_at" in sent and data.starts_at is not None:
            await cancel_job(uow, kind=REMINDER_JOB, key=reminder_key(schedule))
            schedule.starts_at = data.starts_at
            await plan_reminder(uow, schedule, clubs.policy)
        for name in ("title", "place_name", "capacity"):
            if name in sent:
                setattr(schedule, name, getattr(data, name))
        mine = await rsvped(uow, actor.member_id, [schedule.id])
        read = schedule_read(schedule, i_rsvped=schedule.id in mine)
        await uow.commit()
    return read


async def delete_schedule(
    clubs: Clubs, actor: Actor, club_id: uuid.UUID, schedule_id: uuid.UUID
) -> None:
    async with clubs.uow() as uow:
        await require(uow, club_id, actor.member_id, Action.MANAGE_SCHEDULE)
        schedule = await _load_schedule(uow, club_id, schedule_id, lock=True)
        await cancel_job(uow, kind=REMINDER_JOB, key=reminder_key(schedule))
        await uow.session.execute(delete(Rsvp).where(Rsvp.schedule_id == schedule.id))
        await uow.session.delete(schedule)
        await uow.commit()


async def rsvp(
    clubs: Clubs, actor: Actor, club_id: uuid.UUID, schedule_id: uuid.UUID
) -> ScheduleRead:
    """I come. The capacity holds under concurrent RSVPs: the count moves by a
    conditional update that locks the schedule's row, so the last place goes once."""
    async with clubs.uow() as uow:
        await require(uow, club_id, actor.member_id, Action.RSVP)
        schedule = await _load_schedule(uow, club_id, schedule_id)
        if schedule.starts_at <= uow.clock():
            raise ScheduleOver("This schedule has already started.")
        if await uow.session.get(Rsvp, (schedule.id, actor.member_id)) is None:
            room = Schedule.capacity.is_(None) | (Schedule.rsvp_count < Schedule.capacity)
            taken = await uow.session.execute(
                update(Schedule)
                .where(Schedule.id == schedule.id, room)
                .values(rsvp_count=Schedule.rsvp_count + 1)
                .execution_options(synchronize_session=False)
            )
            if not taken.rowcount:  # type: ignore[attr-defined]
                raise ScheduleFull("Every place of this schedule is taken.")
            uow.session.add(
                Rsvp(schedule_id=schedule.id, member_id=actor.member_id, created_at=uow.clock())
            )
        await uow.session.flush()
        await uow.session.refresh(schedule)
        read = schedule_read(schedule, i_rsvped=True)
        await uow.commit()
    return read


async def cancel_rsvp(
    clubs: Clubs, actor: Actor, club_id: uuid.UUID, schedule_id: uuid.UUID
) -> ScheduleRead:
    async with clubs.uow() as uow:
        await load_club(uow, club_id)
        schedule = await _load_schedule(uow, club_id, schedule_id)
        gone = await uow.session.execute(
            delete(Rsvp).where(Rsvp.schedule_id == schedule.id, Rsvp.member_id == actor.member_id)
        )
        if gone.rowcount:  # type: ignore[attr-defined]
            await uow.session.execute(
                update(Schedule)
                .where(Schedule.id == schedule.id)
                .values(rsvp_count=Schedule.rsvp_count - 1)
                .execution_options(synchronize_session=False)
            )
        await uow.session.refresh(schedule)
        read = schedule_read(schedule, i_rsvped=False)
        await uow.commit()
    return read


async def list_schedules(
    clubs: Clubs,
    actor: Actor,
    club_id: uuid.UUID,
    page: PageRequest,
    *,
    starts_from: datetime | None,
    starts_before: datetime | None,
) -> SchedulePage:
    """A club's schedules, soonest first, in a time window (the calendar's month)."""
    async with clubs.uow() as uow:
        await load_club(uow, club_id)
        statement = select(Schedule).where(Schedule.club_id == club_id)
        if starts_from is not None:
            statement = statement.where(Schedule.starts_at >= starts_from)
        if starts_before is not None:
            statement = statement.where(Schedule.starts_at < starts_before)
        rows = list(await uow.session.scalars(SOONEST_FIRST.select_page(statement, page)))
        mine = await rsvped(uow, actor.member_id, [s.id for s in rows])
        return SOONEST_FIRST.page(
            rows,
            page,
            key=lambda s: (s.starts_at, s.id),
            read=lambda s: schedule_read(s, i_rsvped=s.id in mine),
            into=SchedulePage,
        )
