"""A schedule's reminder: a durable job before it starts, which emits the event."""

import uuid

from sqlalchemy import select

from mungmo.club.models import Rsvp, Schedule
from mungmo.club.service.context import ClubPolicy
from mungmo.club.service.queries import load_club
from mungmo.contracts.club import ClubScheduleReminderDue
from mungmo.platform.db import UnitOfWork
from mungmo.platform.scheduling import Job, schedule_job

REMINDER_JOB = "club.schedule_reminder"


def reminder_key(schedule: Schedule) -> str:
    # The start is part of the key: a moved schedule gets a new reminder, the old one
    # is cancelled (a cancelled job's key is never scheduled again).
    return f"{schedule.id}:{schedule.starts_at.isoformat()}"


async def plan_reminder(uow: UnitOfWork, schedule: Schedule, policy: ClubPolicy) -> None:
    await schedule_job(
        uow,
        kind=REMINDER_JOB,
        key=reminder_key(schedule),
        due_at=max(schedule.starts_at - policy.reminder_lead, uow.clock()),
        payload={"schedule_id": str(schedule.id), "starts_at": schedule.starts_at.isoformat()},
    )


async def send_reminder(uow: UnitOfWork, job: Job) -> None:
    """The job before a schedule: those who said they come are reminded. A schedule
    deleted or moved meanwhile had its job cancelled; one gone anyway is skipped."""
    async with uow:
        schedule = await uow.session.get(Schedule, uuid.UUID(job.payload["schedule_id"]))
        if schedule is not None and schedule.starts_at.isoformat() == job.payload["starts_at"]:
            club = await load_club(uow, schedule.club_id)
            coming = list(
                await uow.session.scalars(
                    select(Rsvp.member_id)
                    .where(Rsvp.schedule_id == schedule.id)
                    .order_by(Rsvp.created_at, Rsvp.member_id)
                )
            )
            uow.emit(
                ClubScheduleReminderDue(
                    club_id=club.id,
                    club_title=club.title,
                    schedule_id=schedule.id,
                    title=schedule.title,
                    starts_at=schedule.starts_at,
                    place_name=schedule.place_name,
                    member_ids=coming,
                    due_at=job.due_at,
                ),
                key=club.id,
            )
        await uow.commit()
