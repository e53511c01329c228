"""Use cases driven by other services' events: accounts appear, are renamed, are
deleted; media uploads are recorded so a member can use only their own photos."""

import uuid
from datetime import datetime

from sqlalchemy import delete, or_

from mungmo.contracts.member import MemberCreated
from mungmo.member.models import STARTING_TRUST_SCORE, Block, Friendship, Member, MemberMedia
from mungmo.platform.db import UnitOfWork


async def create_member(
    uow: UnitOfWork, *, account_id: uuid.UUID, nickname: str, registered_at: datetime
) -> None:
    """Creates the profile shell for a new account; pending onboarding, trust score 30."""
    async with uow:
        if await uow.session.get(Member, account_id) is not None:
            return
        member = Member(
            id=account_id,
            nickname=nickname,
            trust_score=STARTING_TRUST_SCORE,
            onboarding_status="pending",
            owner_traits=[],
            created_at=registered_at,
        )
        uow.session.add(member)
        uow.emit(
            MemberCreated(
                member_id=member.id,
                nickname=member.nickname,
                trust_score=member.trust_score,
                created_at=member.created_at,
            ),
            key=member.id,
        )
        await uow.commit()


async def change_nickname(uow: UnitOfWork, *, account_id: uuid.UUID, nickname: str) -> None:
    """Identity owns nicknames (and their uniqueness); this keeps the copy current."""
    async with uow:
        member = await uow.session.get(Member, account_id, with_for_update=True)
        if member is None or member.is_deleted:
            return
        member.nickname = nickname
        await uow.commit()


async def erase_member(uow: UnitOfWork, *, account_id: uuid.UUID) -> None:
    """Account deleted: personal data, dogs, photos, friendships and blocks go; an
    anonymous tombstone stays so references elsewhere still resolve to "탈퇴한 회원"."""
    async with uow:
        member = await uow.session.get(Member, account_id, with_for_update=True)
        if member is None or member.is_deleted:
            return
        member.erase(uow.clock())
        session = uow.session
        await session.execute(
            delete(Friendship).where(
                or_(Friendship.member_id == account_id, Friendship.friend_id == account_id)
            )
        )
        await session.execute(
            delete(Block).where(or_(Block.blocker_id == account_id, Block.blocked_id == account_id))
        )
        await session.execute(delete(MemberMedia).where(MemberMedia.owner_id == account_id))
        await uow.commit()


async def record_media(
    uow: UnitOfWork,
    *,
    media_id: uuid.UUID,
    owner_id: uuid.UUID,
    kind: str,
    purpose: str,
    uploaded_at: datetime,
) -> None:
    async with uow:
        if await uow.session.get(MemberMedia, media_id) is not None:
            return
        owner = await uow.session.get(Member, owner_id)
        if owner is not None and owner.is_deleted:
            return  # the upload raced the account's deletion: keep nothing of theirs
        uow.session.add(
            MemberMedia(
                media_id=media_id,
                owner_id=owner_id,
                kind=kind,
                purpose=purpose[:40],
                uploaded_at=uploaded_at,
            )
        )
        await uow.commit()
