"""What the board consumes (identity's accounts, member's profiles, neighbourhoods and
blocks, media's uploads, meetup's review posts) and its 인기글 job. Each only translates
the event or job into one use case call."""

from mungmo.board.service import posts, projections
from mungmo.board.service.context import BoardPolicy
from mungmo.board.service.popularity import recompute_popularity
from mungmo.contracts.identity import AccountDeleted, AccountRegistered, NicknameChanged
from mungmo.contracts.media import MediaUploaded
from mungmo.contracts.meetup import MeetupReviewPostWritten
from mungmo.contracts.member import (
    MemberBlocked,
    MemberUnblocked,
    NeighbourhoodVerified,
    ProfileChanged,
)
from mungmo.platform.clock import Clock
from mungmo.platform.db import UnitOfWork
from mungmo.platform.scheduling import Job


async def on_account_registered(event: AccountRegistered, uow: UnitOfWork) -> None:
    await projections.record_member(uow, member_id=event.account_id, nickname=event.nickname)


async def on_nickname_changed(event: NicknameChanged, uow: UnitOfWork) -> None:
    await projections.rename_member(uow, member_id=event.account_id, nickname=event.nickname)


async def on_account_deleted(event: AccountDeleted, uow: UnitOfWork) -> None:
    await projections.forget_member(uow, member_id=event.account_id, deleted_at=event.deleted_at)


async def on_profile_changed(event: ProfileChanged, uow: UnitOfWork) -> None:
    await projections.change_photo(
        uow, member_id=event.member_id, photo_media_id=event.photo_media_id
    )


async def on_neighbourhood_verified(event: NeighbourhoodVerified, uow: UnitOfWork) -> None:
    await projections.verify_region(
        uow,
        member_id=event.member_id,
        region_code=event.region_code,
        region_name=event.region_name,
    )


async def on_member_blocked(event: MemberBlocked, uow: UnitOfWork) -> None:
    await projections.block(
        uow,
        member_id=event.member_id,
        blocked_id=event.blocked_member_id,
        blocked_at=event.blocked_at,
    )


async def on_member_unblocked(event: MemberUnblocked, uow: UnitOfWork) -> None:
    await projections.unblock(
        uow, member_id=event.member_id, unblocked_id=event.unblocked_member_id
    )


async def on_media_uploaded(event: MediaUploaded, uow: UnitOfWork) -> None:
    await projections.record_attachment(
        uow,
        media_id=event.media_id,
        owner_id=event.owner_id,
        kind=event.kind,
        purpose=event.purpose,
        duration_ms=event.duration_ms,
        uploaded_at=event.uploaded_at,
    )


async def on_meetup_review_post_written(event: MeetupReviewPostWritten, uow: UnitOfWork) -> None:
    await posts.file_review_post(
        uow,
        post_id=event.post_id,
        author_id=event.author_id,
        meetup_id=event.meetup_id,
        title=event.title,
        content=event.content,
        media_ids=event.media_ids,
        region_code=event.region_code,
        region_name=None,
        written_at=event.written_at,
    )


async def on_popularity_due(
    uow: UnitOfWork, job: Job, *, policy: BoardPolicy, clock: Clock
) -> None:
    await recompute_popularity(uow, now=max(clock(), job.due_at), policy=policy)
