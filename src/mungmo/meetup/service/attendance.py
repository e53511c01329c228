"""Attendance: check-in during the window (position near the place, never kept, or the
host's QR code), the host's confirmation, and the no-shows when the window ends."""

import hmac
import uuid
from datetime import datetime

from sqlalchemy import select

from mungmo.contracts.meetup import NoShowRecorded
from mungmo.meetup.domain.geo import distance_m
from mungmo.meetup.errors import (
    CheckInClosed,
    CheckInCodeInvalid,
    MeetupCancelled,
    NotHost,
    NotParticipant,
    TooFar,
    WindowInvalid,
)
from mungmo.meetup.models import TAKING_PART, Meetup, Participation
from mungmo.meetup.schemas import AttendanceUpdate, CheckInCodeRead, CheckInCreate, CheckInRead
from mungmo.meetup.service.context import Meetups
from mungmo.meetup.service.queries import load_meetup, participation_of
from mungmo.platform.auth import Actor
from mungmo.platform.db import UnitOfWork
from mungmo.platform.scheduling import Job


def _check_open(meetups: Meetups, meetup: Meetup, now: datetime) -> None:
    if meetup.status == "cancelled":
        raise MeetupCancelled()
    opens = meetup.starts_at - meetups.policy.check_in_opens_before
    if meetup.attendance_closed_at is not None or not opens <= now < meetup.ends_at:
        raise CheckInClosed()


async def check_in(
    meetups: Meetups, actor: Actor, meetup_id: uuid.UUID, data: CheckInCreate
) -> CheckInRead:
    by_position = data.latitude is not None and data.longitude is not None
    if data.code is None and not by_position:
        raise WindowInvalid("Send your position or the host's code.")
    async with meetups.uow() as uow:
        now = uow.clock()
        meetup = await load_meetup(uow, meetup_id, actor.member_id, lock=True)
        part = await participation_of(uow, meetup.id, actor.member_id)
        if part is None or part.status not in TAKING_PART:
            raise NotParticipant()
        _check_open(meetups, meetup, now)
        if data.code is not None:
            if not hmac.compare_digest(data.code.encode(), meetup.check_in_token.encode()):
                raise CheckInCodeInvalid()
            method = "code"
        else:
            assert data.latitude is not None and data.longitude is not None
            away = distance_m(data.latitude, data.longitude, meetup.latitude, meetup.longitude)
            if away > meetups.policy.check_in_radius_m:
                raise TooFar(f"You are about {round(away)} m from the place.")
            method = "position"
        if part.checked_in_at is None:
            part.checked_in_at, part.check_in_method, part.updated_at = now, method, now
        read = CheckInRead.model_validate(
            {"checked_in_at": part.checked_in_at, "method": part.check_in_method}
        )
        await uow.commit()
        return read


async def check_in_code(meetups: Meetups, actor: Actor, meetup_id: uuid.UUID) -> CheckInCodeRead:
    """The host's QR code: the app's check-in page with the meetup's secret."""
    async with meetups.uow() as uow:
        meetup = await load_meetup(uow, meetup_id, actor.member_id)
        if meetup.host_id != actor.member_id:
            raise NotHost()
        code = meetup.check_in_token
    return CheckInCodeRead(code=code, path=f"/meetups/{meetup_id}/check-in?code={code}")


async def confirm_attendance(
    meetups: Meetups, actor: Actor, meetup_id: uuid.UUID, data: AttendanceUpdate
) -> list[uuid.UUID]:
    """The host says who was there (the host included); until the window's end."""
    async with meetups.uow() as uow:
        now = uow.clock()
        meetup = await load_meetup(uow, meetup_id, actor.member_id, lock=True)
        if meetup.host_id != actor.member_id:
            raise NotHost()
        _check_open(meetups, meetup, now)
        there = set(data.member_ids) | {actor.member_id}
        confirmed = []
        for part in await uow.session.scalars(
            select(Participation).where(
                Participation.meetup_id == meetup.id, Participation.status.in_(TAKING_PART)
            )
        ):
            part.confirmed_by_host = part.member_id in there
            part.updated_at = now
            if part.confirmed_by_host:
                confirmed.append(part.member_id)
        await uow.commit()
        return sorted(confirmed)


async def record_no_shows(uow: UnitOfWork, *, job: Job) -> None:
    """At the window's end: NoShowRecorded once for each member who joined (or hosted)
    and neither checked in nor was confirmed. Attendance is closed from then on."""
    async with uow:
        meetup = await load_meetup(uow, uuid.UUID(job.payload["meetup_id"]), lock=True)
        current = meetup.ends_at.isoformat() == job.payload["ends_at"]
        if meetup.status == "open" and current and meetup.attendance_closed_at is None:
            meetup.attendance_closed_at = uow.clock()
            for part in await uow.session.scalars(
                select(Participation)
                .where(Participation.meetup_id == meetup.id, Participation.status.in_(TAKING_PART))
                .order_by(Participation.member_id)
            ):
                if not part.attended:
                    part.no_show = True
                    uow.emit(
                        NoShowRecorded(
                            meetup_id=meetup.id, member_id=part.member_id, recorded_at=job.due_at
                        ),
                        key=meetup.id,
                    )
        await uow.commit()
