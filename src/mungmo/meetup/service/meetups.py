"""A host's meetups: create, edit, cancel; the settings the create form needs."""

import asyncio
import secrets
import uuid
from datetime import datetime, timedelta

from sqlalchemy import select

from mungmo.contracts.meetup import MeetupCancelled, MeetupChanged
from mungmo.meetup.domain.centres import read_centres
from mungmo.meetup.domain.geo import seoul_day_and_hour, sgg_of, size_mask
from mungmo.meetup.errors import (
    CapacityBelowTaken,
    MeetupStarted,
    NeighbourhoodRequired,
    NotHost,
    QuietTooLarge,
    WindowInvalid,
)
from mungmo.meetup.errors import (
    MeetupCancelled as MeetupIsCancelled,
)
from mungmo.meetup.models import ACTIVE, KnownMember, Meetup, Participation
from mungmo.meetup.schemas import (
    MapTilesRead,
    MeetupCreate,
    MeetupRead,
    MeetupSettingsRead,
    MeetupUpdate,
)
from mungmo.meetup.service.context import MeetupPolicy, Meetups
from mungmo.meetup.service.joining import promote_waitlist
from mungmo.meetup.service.queries import ensure_free_time, load_meetup, lock_member, read_one
from mungmo.meetup.service.reminders import cancel_jobs, schedule_jobs
from mungmo.platform.auth import Actor
from mungmo.platform.clock import as_utc
from mungmo.platform.db import UnitOfWork


def verified_region(member: KnownMember | None, now: datetime) -> tuple[str, str] | None:
    if member is None or member.region_code is None or member.region_expires_at is None:
        return None
    if member.region_expires_at <= now:
        return None
    return member.region_code, member.region_name or ""


async def meetup_settings(meetups: Meetups, actor: Actor) -> MeetupSettingsRead:
    async with meetups.uow() as uow:
        region = verified_region(await uow.session.get(KnownMember, actor.member_id), uow.clock())
    centre = None
    if region is not None and meetups.centres_file is not None:
        centre = (await asyncio.to_thread(read_centres, meetups.centres_file)).get(region[0])
    policy = meetups.policy
    return MeetupSettingsRead(
        durations_minutes=list(policy.durations_minutes),
        quiet_max_capacity=policy.quiet_max_capacity,
        check_in_radius_m=policy.check_in_radius_m,
        tiles=MapTilesRead(url=meetups.tiles.url, attribution=meetups.tiles.attribution),
        my_region_code=None if region is None else region[0],
        my_region_name=None if region is None else region[1],
        my_centre=centre,
    )


def _window(
    policy: MeetupPolicy, starts_at: datetime, minutes: float, now: datetime
) -> tuple[datetime, datetime]:
    """(start, end) in UTC to the second; WindowInvalid for a time a host cannot choose."""
    starts_at = as_utc(starts_at).replace(microsecond=0)
    if minutes not in policy.durations_minutes:
        raise WindowInvalid("Choose one of the offered durations.")
    if starts_at < now - policy.start_grace:
        raise WindowInvalid("The start has already passed.")
    if starts_at > now + policy.furthest_ahead:
        raise WindowInvalid("A meetup starts within 60 days.")
    return starts_at, starts_at + timedelta(minutes=minutes)


def _check_quiet(policy: MeetupPolicy, quiet: bool, capacity: int) -> None:
    if quiet and capacity > policy.quiet_max_capacity:
        raise QuietTooLarge(f"A quiet meetup has at most {policy.quiet_max_capacity} members.")


def _set_times(meetup: Meetup, starts_at: datetime, ends_at: datetime) -> None:
    meetup.starts_at, meetup.ends_at = starts_at, ends_at
    meetup.local_date, meetup.local_hour = seoul_day_and_hour(starts_at)


async def create_meetup(meetups: Meetups, actor: Actor, data: MeetupCreate) -> MeetupRead:
    policy = meetups.policy
    async with meetups.uow() as uow:
        now = uow.clock()
        starts_at, ends_at = _window(policy, data.starts_at, data.duration_minutes, now)
        _check_quiet(policy, data.quiet, data.capacity)
        host = await lock_member(uow, actor.member_id)
        region = verified_region(host, now)
        if region is None:
            raise NeighbourhoodRequired()
        await ensure_free_time(uow, actor.member_id, starts_at, ends_at)
        meetup = Meetup(
            id=uuid.uuid4(),
            host_id=actor.member_id,
            title=data.title,
            body=data.body,
            place_name=data.place_name,
            latitude=data.latitude,
            longitude=data.longitude,
            region_code=region[0],
            region_name=region[1],
            sgg_code=sgg_of(region[0]),
            capacity=data.capacity,
            taken=1,
            approval_required=data.approval_required,
            dog_sizes=list(data.dog_sizes),
            size_mask=size_mask(data.dog_sizes),
            quiet=data.quiet,
            status="open",
            check_in_token=secrets.token_urlsafe(24),
            waitlist_next=1,
            created_at=now,
            updated_at=now,
        )
        _set_times(meetup, starts_at, ends_at)
        uow.session.add(meetup)
        uow.session.add(
            Participation(
                meetup_id=meetup.id,
                member_id=actor.member_id,
                status="host",
                starts_at=meetup.starts_at,
                ends_at=meetup.ends_at,
                joined_at=now,
                updated_at=now,
            )
        )
        await uow.session.flush()
        await schedule_jobs(uow, meetup, policy)
        read = await read_one(uow, meetup, actor.member_id)
        await uow.commit()
        return read


async def participant_ids(uow: UnitOfWork, meetup: Meetup) -> list[uuid.UUID]:
    """Who takes part or waits, without the host (they are told of the host's changes)."""
    rows = await uow.session.scalars(
        select(Participation.member_id).where(
            Participation.meetup_id == meetup.id,
            Participation.status.in_([s for s in ACTIVE if s != "host"]),
        )
    )
    return sorted(rows)


async def update_meetup(
    meetups: Meetups, actor: Actor, meetup_id: uuid.UUID, changes: MeetupUpdate
) -> MeetupRead:
    sent = changes.model_fields_set
    policy = meetups.policy
    async with meetups.uow() as uow:
        now = uow.clock()
        await lock_member(uow, actor.member_id)
        meetup = await load_meetup(uow, meetup_id, actor.member_id, lock=True)
        if meetup.host_id != actor.member_id:
            raise NotHost()
        if meetup.status == "cancelled":
            raise MeetupIsCancelled()
        changed: list[str] = []
        moves = sent & {"starts_at", "duration_minutes", "place_name", "latitude", "longitude"}
        if moves and meetup.starts_at <= now:
            raise MeetupStarted()
        if sent & {"starts_at", "duration_minutes"}:
            starts_at = changes.starts_at or meetup.starts_at
            minutes = changes.duration_minutes or (
                (meetup.ends_at - meetup.starts_at).total_seconds() / 60
            )
            starts_at, ends_at = _window(policy, starts_at, minutes, now)
            if (starts_at, ends_at) != (meetup.starts_at, meetup.ends_at):
                await ensure_free_time(uow, actor.member_id, starts_at, ends_at, besides=meetup.id)
                await cancel_jobs(uow, meetup)
                _set_times(meetup, starts_at, ends_at)
                for part in await uow.session.scalars(
                    select(Participation).where(Participation.meetup_id == meetup.id)
                ):
                    part.starts_at, part.ends_at = starts_at, ends_at
                await schedule_jobs(uow, meetup, policy)
                changed.append("time")
        capacity = changes.capacity if "capacity" in sent else None
        quiet = changes.quiet if "quiet" in sent and changes.quiet is not None else meetup.quiet
        _check_quiet(policy, quiet, capacity or meetup.capacity)
        if capacity is not None and capacity != meetup.capacity:
            if capacity < meetup.taken:
                raise CapacityBelowTaken()
            meetup.capacity = capacity
            changed.append("capacity")
        for name, part_name in (
            ("title", "title"),
            ("body", "text"),
            ("place_name", "place"),
            ("latitude", "place"),
            ("longitude", "place"),
            ("approval_required", "rules"),
            ("dog_sizes", "rules"),
            ("quiet", "rules"),
        ):
            value = getattr(changes, name)
            if name in sent and value is not None and getattr(meetup, name) != value:
                setattr(meetup, name, list(value) if name == "dog_sizes" else value)
                if name == "dog_sizes":
                    meetup.size_mask = size_mask(value)
                changed.append(part_name)
        if changed:
            meetup.updated_at = now
            await promote_waitlist(uow, meetup)
            uow.emit(
                MeetupChanged(
                    meetup_id=meetup.id,
                    host_id=meetup.host_id,
                    title=meetup.title,
                    starts_at=meetup.starts_at,
                    ends_at=meetup.ends_at,
                    place_name=meetup.place_name,
                    changed=sorted(set(changed)),
                    member_ids=await participant_ids(uow, meetup),
                    changed_at=now,
                ),
                key=meetup.id,
            )
        read = await read_one(uow, meetup, actor.member_id)
        await uow.commit()
        return read


async def cancel_meetup(meetups: Meetups, actor: Actor, meetup_id: uuid.UUID) -> MeetupRead:
    async with meetups.uow() as uow:
        now = uow.clock()
        meetup = await load_meetup(uow, meetup_id, actor.member_id, lock=True)
        if meetup.host_id != actor.member_id:
            raise NotHost()
        if meetup.status == "cancelled":
            raise MeetupIsCancelled()
        if meetup.ends_at <= now:
            raise MeetupStarted("This meetup has ended.")
        meetup.status = "cancelled"
        meetup.updated_at = now
        await cancel_jobs(uow, meetup)
        uow.emit(
            MeetupCancelled(
                meetup_id=meetup.id,
                host_id=meetup.host_id,
                title=meetup.title,
                starts_at=meetup.starts_at,
                member_ids=await participant_ids(uow, meetup),
                cancelled_at=now,
            ),
            key=meetup.id,
        )
        read = await read_one(uow, meetup, actor.member_id)
        await uow.commit()
        return read
