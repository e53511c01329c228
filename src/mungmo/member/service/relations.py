"""Between members: the member card, friends and blocks.

Friendship is mutual and immediate (adding someone makes you friends of each other).
Changes to one pair of members lock both member rows in id order, so concurrent adds,
removals and blocks of the same pair run one after the other and never deadlock.
"""

import uuid
from datetime import datetime

from sqlalchemy import Row, delete, select

from mungmo.contracts.member import (
    FriendAdded,
    FriendRemoved,
    MemberBlocked,
    MemberUnblocked,
    relation_key,
)
from mungmo.member.domain.regions import short_name
from mungmo.member.errors import (
    Blocked,
    BlockNotFound,
    CannotBlockSelf,
    CannotFriendSelf,
    FriendNotFound,
    MemberNotFound,
    NeighbourhoodExpired,
)
from mungmo.member.models import Block, Dog, Friendship, Member
from mungmo.member.schemas import (
    BlockPage,
    BlockRead,
    DogCardRead,
    FriendPage,
    FriendRead,
    MemberCardRead,
    NeighbourhoodCardRead,
    RelationshipRead,
)
from mungmo.member.service.context import Members
from mungmo.member.service.queries import load_member, photo_urls
from mungmo.platform.auth import Actor
from mungmo.platform.db import UnitOfWork
from mungmo.platform.pagination import Keyset, PageRequest, SortKey

# Newest first; the other member's id breaks ties (unique within one member's list).
NEWEST_FRIENDS_FIRST = Keyset(
    (
        SortKey(Friendship.created_at, datetime, descending=True),
        SortKey(Friendship.friend_id, uuid.UUID),
    )
)
NEWEST_BLOCKS_FIRST = Keyset(
    (
        SortKey(Block.created_at, datetime, descending=True),
        SortKey(Block.blocked_id, uuid.UUID),
    )
)


def _key(row: Row[Member, datetime]) -> tuple[datetime, uuid.UUID]:
    member, at = row
    return at, member.id


async def _exists(uow: UnitOfWork, model: type[Friendship] | type[Block], *key: uuid.UUID) -> bool:
    return await uow.session.get(model, key) is not None


async def _blocked(uow: UnitOfWork, blocker: uuid.UUID, blocked: uuid.UUID) -> bool:
    return await _exists(uow, Block, blocker, blocked)


def _dog_card(dog: Dog) -> DogCardRead:
    shown: dict[str, object] = {"id": dog.id}
    for field in dog.public_fields:
        if field == "photo":
            shown["photo_url"], shown["photo_thumbnail_url"] = photo_urls(dog.photo_media_id)
        else:
            shown[field] = getattr(dog, field)
    # Built from only the public keys: the rest stay unset and are left out of the JSON.
    return DogCardRead.model_validate(shown)


def _card(member: Member, now: datetime, relationship: RelationshipRead) -> MemberCardRead:
    url, thumbnail = photo_urls(member.photo_media_id)
    shown: dict[str, object] = {
        "id": member.id,
        "nickname": member.nickname,
        "photo_url": url,
        "photo_thumbnail_url": thumbnail,
        "trust_score": member.trust_score,
        "owner_traits": member.owner_traits,
        "dogs": [_dog_card(dog) for dog in member.dogs],
        "neighbourhood": None,
        "relationship": relationship,
    }
    if member.age_public and member.birth_year is not None:
        shown["birth_year"] = member.birth_year
        shown["age"] = now.year - member.birth_year
    if member.gender_public and member.gender is not None:
        shown["gender"] = member.gender
    if member.region_name is not None:
        shown["neighbourhood"] = NeighbourhoodCardRead(
            name=short_name(member.region_name),
            full_name=member.region_name,
            verified=member.neighbourhood_valid(now),
        )
    return MemberCardRead.model_validate(shown)


async def get_member_card(members: Members, actor: Actor, member_id: uuid.UUID) -> MemberCardRead:
    async with members.uow() as uow:
        target = await load_member(uow, member_id)
        if target.is_banned:
            raise MemberNotFound()  # while banned, as if they were not here
        if await _blocked(uow, blocker=target.id, blocked=actor.member_id):
            raise MemberNotFound()  # a blocked member is not told
        relationship = RelationshipRead(
            is_friend=await _exists(uow, Friendship, actor.member_id, target.id),
            blocked_by_me=await _blocked(uow, blocker=actor.member_id, blocked=target.id),
        )
        return _card(target, uow.clock(), relationship)


async def _lock_pair(uow: UnitOfWork, me: uuid.UUID, other: uuid.UUID) -> tuple[Member, Member]:
    rows = await uow.session.scalars(
        select(Member).where(Member.id.in_([me, other])).order_by(Member.id).with_for_update()
    )
    found = {member.id: member for member in rows}
    mine, theirs = found.get(me), found.get(other)
    if mine is None or not mine.is_visible or theirs is None or not theirs.is_visible:
        raise MemberNotFound()
    return mine, theirs


def _friend_read(member: Member, since: datetime) -> FriendRead:
    url, thumbnail = photo_urls(member.photo_media_id)
    return FriendRead(
        member_id=member.id,
        nickname=member.nickname,
        photo_url=url,
        photo_thumbnail_url=thumbnail,
        trust_score=member.trust_score,
        since=since,
    )


def _block_read(member: Member, blocked_at: datetime) -> BlockRead:
    url, thumbnail = photo_urls(member.photo_media_id)
    return BlockRead(
        member_id=member.id,
        nickname=member.nickname,
        photo_url=url,
        photo_thumbnail_url=thumbnail,
        blocked_at=blocked_at,
    )


async def list_friends(members: Members, actor: Actor, page: PageRequest) -> FriendPage:
    async with members.uow() as uow:
        statement = (
            select(Member, Friendship.created_at)
            .join(Friendship, Friendship.friend_id == Member.id)
            .where(Friendship.member_id == actor.member_id)
        )
        rows = (await uow.session.execute(NEWEST_FRIENDS_FIRST.select_page(statement, page))).all()
        return NEWEST_FRIENDS_FIRST.page(
            rows, page, key=_key, read=lambda row: _friend_read(row[0], row[1]), into=FriendPage
        )


async def add_friend(
    members: Members, actor: Actor, member_id: uuid.UUID
) -> tuple[FriendRead, bool]:
    """Returns the friend and whether the friendship is new (adding twice is harmless)."""
    if member_id == actor.member_id:
        raise CannotFriendSelf()
    async with members.uow() as uow:
        me, them = await _lock_pair(uow, actor.member_id, member_id)
        now = uow.clock()
        if them.onboarding_status != "completed":
            raise MemberNotFound("This member has not finished joining yet.")
        if await _blocked(uow, blocker=them.id, blocked=me.id):
            raise MemberNotFound()  # a blocked member is not told
        if await _blocked(uow, blocker=me.id, blocked=them.id):
            raise Blocked("Unblock this member before adding them as a friend.")
        if not me.neighbourhood_valid(now):
            raise NeighbourhoodExpired()
        existing = await uow.session.get(Friendship, (me.id, them.id))
        if existing is not None:
            return _friend_read(them, existing.created_at), False
        uow.session.add_all(
            [
                Friendship(member_id=me.id, friend_id=them.id, created_at=now),
                Friendship(member_id=them.id, friend_id=me.id, created_at=now),
            ]
        )
        uow.emit(
            FriendAdded(member_id=me.id, friend_id=them.id, added_at=now),
            key=relation_key(me.id, them.id),
        )
        await uow.commit()
        return _friend_read(them, now), True


async def _unfriend(uow: UnitOfWork, me: uuid.UUID, other: uuid.UUID) -> bool:
    result = await uow.session.execute(
        delete(Friendship).where(
            ((Friendship.member_id == me) & (Friendship.friend_id == other))
            | ((Friendship.member_id == other) & (Friendship.friend_id == me))
        )
    )
    if not getattr(result, "rowcount", 0):
        return False
    uow.emit(
        FriendRemoved(member_id=me, friend_id=other, removed_at=uow.clock()),
        key=relation_key(me, other),
    )
    return True


async def remove_friend(members: Members, actor: Actor, member_id: uuid.UUID) -> None:
    async with members.uow() as uow:
        await _lock_pair(uow, actor.member_id, member_id)
        if not await _unfriend(uow, actor.member_id, member_id):
            raise FriendNotFound()
        await uow.commit()


async def list_blocks(members: Members, actor: Actor, page: PageRequest) -> BlockPage:
    async with members.uow() as uow:
        statement = (
            select(Member, Block.created_at)
            .join(Block, Block.blocked_id == Member.id)
            .where(Block.blocker_id == actor.member_id)
        )
        rows = (await uow.session.execute(NEWEST_BLOCKS_FIRST.select_page(statement, page))).all()
        return NEWEST_BLOCKS_FIRST.page(
            rows, page, key=_key, read=lambda row: _block_read(row[0], row[1]), into=BlockPage
        )


async def block_member(
    members: Members, actor: Actor, member_id: uuid.UUID
) -> tuple[BlockRead, bool]:
    """Blocks (ending any friendship); returns the block and whether it is new."""
    if member_id == actor.member_id:
        raise CannotBlockSelf()
    async with members.uow() as uow:
        me, them = await _lock_pair(uow, actor.member_id, member_id)
        existing = await uow.session.get(Block, (me.id, them.id))
        if existing is not None:
            return _block_read(them, existing.created_at), False
        now = uow.clock()
        uow.session.add(Block(blocker_id=me.id, blocked_id=them.id, created_at=now))
        await _unfriend(uow, me.id, them.id)
        uow.emit(
            MemberBlocked(member_id=me.id, blocked_member_id=them.id, blocked_at=now),
            key=relation_key(me.id, them.id),
        )
        await uow.commit()
        return _block_read(them, now), True


async def unblock_member(members: Members, actor: Actor, member_id: uuid.UUID) -> None:
    async with members.uow() as uow:
        result = await uow.session.execute(
            delete(Block).where(Block.blocker_id == actor.member_id, Block.blocked_id == member_id)
        )
        if not getattr(result, "rowcount", 0):
            raise BlockNotFound()
        uow.emit(
            MemberUnblocked(
                member_id=actor.member_id, unblocked_member_id=member_id, unblocked_at=uow.clock()
            ),
            key=relation_key(actor.member_id, member_id),
        )
        await uow.commit()
