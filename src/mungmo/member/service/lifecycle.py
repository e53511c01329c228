"""Use cases driven by other services' events: accounts appear, are renamed, are
banned, unbanned or deleted; media uploads are recorded so a member can use only their
own photos."""

import uuid
from datetime import datetime

from sqlalchemy import delete, or_, select

from mungmo.contracts.member import FriendRemoved, MemberCreated, relation_key
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


async def ban_member(uow: UnitOfWork, *, account_id: uuid.UUID, banned_at: datetime) -> None:
    """Banned by an administrator: the card disappears and every friendship ends (each
    announced as removed by the banned member). Blocks stay: they are the others' choice."""
    async with uow:
        member = await uow.session.get(Member, account_id, with_for_update=True)
        if member is None or member.is_deleted or member.is_banned:
            return
        member.banned_at = banned_at
        session = uow.session
        friends = list(
            await session.scalars(
                select(Friendship.friend_id)
                .where(Friendship.member_id == account_id)
                .order_by(Friendship.friend_id)
            )
        )
        await session.execute(
            delete(Friendship).where(
                or_(Friendship.member_id == account_id, Friendship.friend_id == account_id)
            )
        )
        now = uow.clock()
        for friend_id in friends:
            uow.emit(
                FriendRemoved(member_id=account_id, friend_id=friend_id, removed_at=now),
                key=relation_key(account_id, friend_id),
            )
        await uow.commit()


async def unban_member(uow: UnitOfWork, *, account_id: uuid.UUID) -> None:
    """The ban was lifted: the card shows again; the friendships it ended stay ended."""
    async with uow:
        member = await uow.session.get(Member, account_id, with_for_update=True)
        if member is None or not member.is_banned:
            return
        member.banned_at = None
        await uow.commit()


async def show_trust_score(
    uow: UnitOfWork, *, member_id: uuid.UUID, score: int, version: int
) -> None:
    """Trust owns the score; this keeps the card's copy at the newest version seen."""
    async with uow:
        member = await uow.session.get(Member, member_id, with_for_update=True)
        if member is None or member.trust_score_version >= version:
            return
        member.trust_score = score
        member.trust_score_version = version
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
