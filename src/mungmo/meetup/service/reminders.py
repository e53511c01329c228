"""The durable jobs a meetup schedules (a reminder an hour before, the no-show check at
the window's end), keyed by the time they are for, so a moved meetup gets new ones."""

import uuid

from sqlalchemy import select

from mungmo.contracts.meetup import MeetupReminderDue
from mungmo.meetup.models import Meetup, Participation
from mungmo.meetup.service.context import CLOSE_ATTENDANCE_JOB, REMIND_JOB, MeetupPolicy
from mungmo.meetup.service.queries import load_meetup
from mungmo.platform.db import UnitOfWork
from mungmo.platform.scheduling import Job, cancel_job, schedule_job


async def schedule_jobs(uow: UnitOfWork, meetup: Meetup, policy: MeetupPolicy) -> None:
    remind_at = meetup.starts_at - policy.reminder_before
    if remind_at > uow.clock():
        await schedule_job(
            uow,
            kind=REMIND_JOB,
            key=f"{meetup.id}@{meetup.starts_at.isoformat()}",
            due_at=remind_at,
            payload={"meetup_id": str(meetup.id), "starts_at": meetup.starts_at.isoformat()},
        )
    await schedule_job(
        uow,
        kind=CLOSE_ATTENDANCE_JOB,
        key=f"{meetup.id}@{meetup.ends_at.isoformat()}",
        due_at=meetup.ends_at,
        payload={"meetup_id": str(meetup.id), "ends_at": meetup.ends_at.isoformat()},
    )


async def cancel_jobs(uow: UnitOfWork, meetup: Meetup) -> None:
    await cancel_job(uow, kind=REMIND_JOB, key=f"{meetup.id}@{meetup.starts_at.isoformat()}")
    await cancel_job(
        uow, kind=CLOSE_ATTENDANCE_JOB, key=f"{meetup.id}@{meetup.ends_at.isoformat()}"
    )


async def send_reminder(uow: UnitOfWork, *, job: Job) -> None:
    """An hour before the start: tell the host and those who joined (not if the meetup
    moved or was cancelled since: the moved one has its own reminder)."""
    async with uow:
        meetup = await load_meetup(uow, uuid.UUID(job.payload["meetup_id"]))
        if meetup.status == "open" and meetup.starts_at.isoformat() == job.payload["starts_at"]:
            members = await uow.session.scalars(
                select(Participation.member_id).where(
                    Participation.meetup_id == meetup.id,
                    Participation.status.in_(("host", "joined")),
                )
            )
            uow.emit(
                MeetupReminderDue(
                    meetup_id=meetup.id,
                    title=meetup.title,
                    starts_at=meetup.starts_at,
                    place_name=meetup.place_name,
                    member_ids=sorted(members),
                    due_at=job.due_at,
                ),
                key=meetup.id,
            )
        await uow.commit()
