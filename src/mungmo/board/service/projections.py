"""Copies the board keeps from other services' events, each on the consumer's unit of
work: nicknames and deletions (identity), photos, verified 동 and blocks (member), and
post attachments (media)."""

import uuid
from datetime import datetime

from sqlalchemy import delete

from mungmo.board.models import Attachment, Block, BoardMember
from mungmo.board.service import search
from mungmo.platform.db import UnitOfWork

ATTACHMENT_PURPOSE = "post_attachment"


async def _member(uow: UnitOfWork, member_id: uuid.UUID) -> BoardMember:
    member = await uow.session.get(BoardMember, member_id)
    if member is None:
        member = BoardMember(member_id=member_id, nickname="")
        uow.session.add(member)
    return member


async def record_member(uow: UnitOfWork, *, member_id: uuid.UUID, nickname: str) -> None:
    async with uow:
        member = await _member(uow, member_id)
        if not member.is_deleted and not member.nickname:
            member.nickname = nickname
        await uow.commit()


async def rename_member(uow: UnitOfWork, *, member_id: uuid.UUID, nickname: str) -> None:
    async with uow:
        member = await _member(uow, member_id)
        if not member.is_deleted:
            member.nickname = nickname
            await search.rename_author(uow, member_id, nickname)
        await uow.commit()


async def change_photo(
    uow: UnitOfWork, *, member_id: uuid.UUID, photo_media_id: uuid.UUID | None
) -> None:
    async with uow:
        member = await _member(uow, member_id)
        if not member.is_deleted:
            member.photo_media_id = photo_media_id
        await uow.commit()


async def verify_region(
    uow: UnitOfWork, *, member_id: uuid.UUID, region_code: str, region_name: str
) -> None:
    async with uow:
        member = await _member(uow, member_id)
        member.region_code = region_code
        member.region_name = region_name
        await uow.commit()


async def forget_member(uow: UnitOfWork, *, member_id: uuid.UUID, deleted_at: datetime) -> None:
    """The account was deleted: its posts and comments stay, by 탈퇴한 회원; its nickname,
    photo and uploads go, and search no longer finds it by name."""
    async with uow:
        member = await _member(uow, member_id)
        member.nickname = ""
        member.photo_media_id = None
        member.deleted_at = deleted_at
        await uow.session.execute(delete(Attachment).where(Attachment.owner_id == member_id))
        await search.rename_author(uow, member_id, "")
        await uow.commit()


async def block(
    uow: UnitOfWork, *, member_id: uuid.UUID, blocked_id: uuid.UUID, blocked_at: datetime
) -> None:
    async with uow:
        if await uow.session.get(Block, (member_id, blocked_id)) is None:
            uow.session.add(
                Block(member_id=member_id, blocked_id=blocked_id, blocked_at=blocked_at)
            )
        await uow.commit()


async def unblock(uow: UnitOfWork, *, member_id: uuid.UUID, unblocked_id: uuid.UUID) -> None:
    async with uow:
        await uow.session.execute(
            delete(Block).where(Block.member_id == member_id, Block.blocked_id == unblocked_id)
        )
        await uow.commit()


async def record_attachment(
    uow: UnitOfWork,
    *,
    media_id: uuid.UUID,
    owner_id: uuid.UUID,
    kind: str,
    purpose: str,
    duration_ms: int | None,
    uploaded_at: datetime,
) -> None:
    """Only post attachments are kept: other uploads are never accepted on a post."""
    async with uow:
        if purpose == ATTACHMENT_PURPOSE and await uow.session.get(Attachment, media_id) is None:
            uow.session.add(
                Attachment(
                    media_id=media_id,
                    owner_id=owner_id,
                    kind=kind,
                    duration_ms=duration_ms,
                    uploaded_at=uploaded_at,
                )
            )
        await uow.commit()
