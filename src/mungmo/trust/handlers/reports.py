"""What moderation consumes: identity's accounts (nicknames, deletions, bans) and
media's evidence uploads. Each only translates the event into one use case call."""

from mungmo.contracts.identity import (
    AccountBanned,
    AccountDeleted,
    AccountRegistered,
    AccountUnbanned,
    NicknameChanged,
)
from mungmo.contracts.media import MediaUploaded
from mungmo.platform.db import UnitOfWork
from mungmo.trust.service import bans, projections


async def on_account_registered(event: AccountRegistered, uow: UnitOfWork) -> None:
    await projections.record_member(
        uow,
        member_id=event.account_id,
        nickname=event.nickname,
        registered_at=event.registered_at,
    )


async def on_nickname_changed(event: NicknameChanged, uow: UnitOfWork) -> None:
    await projections.rename_member(uow, member_id=event.account_id, nickname=event.nickname)


async def on_account_deleted(event: AccountDeleted, uow: UnitOfWork) -> None:
    await projections.forget_member(uow, member_id=event.account_id, deleted_at=event.deleted_at)


async def on_account_banned(event: AccountBanned, uow: UnitOfWork) -> None:
    await bans.record_account_banned(uow, member_id=event.account_id, banned_at=event.banned_at)


async def on_account_unbanned(event: AccountUnbanned, uow: UnitOfWork) -> None:
    await bans.record_account_unbanned(uow, member_id=event.account_id)


async def on_media_uploaded(event: MediaUploaded, uow: UnitOfWork) -> None:
    await projections.record_evidence_upload(
        uow,
        media_id=event.media_id,
        owner_id=event.owner_id,
        kind=event.kind,
        content_type=event.content_type,
        purpose=event.purpose,
        duration_ms=event.duration_ms,
        uploaded_at=event.uploaded_at,
    )
