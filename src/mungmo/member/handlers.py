"""Member's event handlers: each only translates an event into a use case call."""

from mungmo.contracts.identity import (
    AccountBanned,
    AccountDeleted,
    AccountRegistered,
    AccountUnbanned,
    NicknameChanged,
)
from mungmo.contracts.media import MediaUploaded
from mungmo.contracts.trust import TrustScoreChanged
from mungmo.member import service
from mungmo.platform.db import UnitOfWork


async def on_account_registered(event: AccountRegistered, uow: UnitOfWork) -> None:
    await service.create_member(
        uow,
        account_id=event.account_id,
        nickname=event.nickname,
        registered_at=event.registered_at,
    )


async def on_nickname_changed(event: NicknameChanged, uow: UnitOfWork) -> None:
    await service.change_nickname(uow, account_id=event.account_id, nickname=event.nickname)


async def on_account_deleted(event: AccountDeleted, uow: UnitOfWork) -> None:
    await service.erase_member(uow, account_id=event.account_id)


async def on_account_banned(event: AccountBanned, uow: UnitOfWork) -> None:
    await service.ban_member(uow, account_id=event.account_id, banned_at=event.banned_at)


async def on_account_unbanned(event: AccountUnbanned, uow: UnitOfWork) -> None:
    await service.unban_member(uow, account_id=event.account_id)


async def on_media_uploaded(event: MediaUploaded, uow: UnitOfWork) -> None:
    await service.record_media(
        uow,
        media_id=event.media_id,
        owner_id=event.owner_id,
        kind=event.kind,
        purpose=event.purpose,
        uploaded_at=event.uploaded_at,
    )


async def on_trust_score_changed(event: TrustScoreChanged, uow: UnitOfWork) -> None:
    await service.show_trust_score(
        uow, member_id=event.member_id, score=event.score, version=event.version
    )
