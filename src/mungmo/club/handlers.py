"""What the club service consumes: nicknames and deletions (identity), verified
neighbourhoods and blocks (member), club photo uploads (media), and the reminder job.
Each only translates the event into one use case call."""

from mungmo.club.service import projections, reminders
from mungmo.contracts.identity import AccountDeleted, AccountRegistered, NicknameChanged
from mungmo.contracts.media import MediaUploaded
from mungmo.contracts.member import MemberBlocked, MemberUnblocked, NeighbourhoodVerified
from mungmo.platform.db import UnitOfWork
from mungmo.platform.scheduling import Job


async def on_account_registered(event: AccountRegistered, uow: UnitOfWork) -> None:
    await projections.record_nickname(uow, member_id=event.account_id, nickname=event.nickname)


async def on_nickname_changed(event: NicknameChanged, uow: UnitOfWork) -> None:
    await projections.record_nickname(uow, member_id=event.account_id, nickname=event.nickname)


async def on_account_deleted(event: AccountDeleted, uow: UnitOfWork) -> None:
    await projections.forget_person(uow, member_id=event.account_id)


async def on_neighbourhood_verified(event: NeighbourhoodVerified, uow: UnitOfWork) -> None:
    await projections.record_neighbourhood(
        uow, member_id=event.member_id, region_code=event.region_code, region_name=event.region_name
    )


async def on_member_blocked(event: MemberBlocked, uow: UnitOfWork) -> None:
    await projections.record_block(
        uow,
        blocker_id=event.member_id,
        blocked_id=event.blocked_member_id,
        blocked_at=event.blocked_at,
    )


async def on_member_unblocked(event: MemberUnblocked, uow: UnitOfWork) -> None:
    await projections.record_unblock(
        uow, blocker_id=event.member_id, blocked_id=event.unblocked_member_id
    )


async def on_media_uploaded(event: MediaUploaded, uow: UnitOfWork) -> None:
    await projections.record_upload(
        uow,
        media_id=event.media_id,
        owner_id=event.owner_id,
        kind=event.kind,
        purpose=event.purpose,
        uploaded_at=event.uploaded_at,
    )


async def on_schedule_reminder_due(uow: UnitOfWork, job: Job) -> None:
    await reminders.send_reminder(uow, job)
