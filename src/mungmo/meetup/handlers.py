"""What the meetup service consumes: member and identity events (copies) and its own
scheduled jobs (reminders, no-shows). Each only calls one use case."""

from mungmo.contracts.identity import AccountDeleted, NicknameChanged
from mungmo.contracts.member import (
    MemberBlocked,
    MemberCreated,
    MemberUnblocked,
    NeighbourhoodVerified,
    ProfileChanged,
)
from mungmo.meetup import service
from mungmo.platform.db import UnitOfWork
from mungmo.platform.scheduling import Job


async def on_member_created(event: MemberCreated, uow: UnitOfWork) -> None:
    await service.remember_member(uow, member_id=event.member_id, nickname=event.nickname)


async def on_nickname_changed(event: NicknameChanged, uow: UnitOfWork) -> None:
    await service.remember_member(uow, member_id=event.account_id, nickname=event.nickname)


async def on_profile_changed(event: ProfileChanged, uow: UnitOfWork) -> None:
    await service.remember_profile(
        uow,
        member_id=event.member_id,
        nickname=event.nickname,
        photo_media_id=event.photo_media_id,
        dogs=None
        if event.dogs is None
        else [dog.model_dump(mode="json", exclude_none=True) for dog in event.dogs],
        changed_at=event.changed_at,
    )


async def on_neighbourhood_verified(event: NeighbourhoodVerified, uow: UnitOfWork) -> None:
    await service.remember_neighbourhood(
        uow,
        member_id=event.member_id,
        region_code=event.region_code,
        region_name=event.region_name,
        expires_at=event.expires_at,
    )


async def on_member_blocked(event: MemberBlocked, uow: UnitOfWork) -> None:
    await service.remember_block(
        uow, member_id=event.member_id, blocked_id=event.blocked_member_id, blocked=True
    )


async def on_member_unblocked(event: MemberUnblocked, uow: UnitOfWork) -> None:
    await service.remember_block(
        uow, member_id=event.member_id, blocked_id=event.unblocked_member_id, blocked=False
    )


async def on_account_deleted(event: AccountDeleted, uow: UnitOfWork) -> None:
    await service.erase_member(uow, member_id=event.account_id)


async def on_reminder_due(uow: UnitOfWork, job: Job) -> None:
    await service.send_reminder(uow, job=job)


async def on_attendance_due(uow: UnitOfWork, job: Job) -> None:
    await service.record_no_shows(uow, job=job)
