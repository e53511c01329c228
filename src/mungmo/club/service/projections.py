"""Copies the club service keeps from other services' events: nicknames (identity),
verified neighbourhoods and blocks (member), club photo uploads (media). Each runs on
the consumer's unit of work."""

import uuid
from datetime import datetime

from sqlalchemy import delete, select

from mungmo.club.models import Block, ClubUpload, Person
from mungmo.contracts.club import ChatVisibilityChanged
from mungmo.contracts.member import relation_key
from mungmo.platform.db import UnitOfWork

CLUB_PHOTO = "club_photo"


async def _person(uow: UnitOfWork, member_id: uuid.UUID) -> Person:
    person = await uow.session.get(Person, member_id)
    if person is None:
        person = Person(member_id=member_id, nickname="", deleted=False)
        uow.session.add(person)
    return person


async def record_nickname(uow: UnitOfWork, *, member_id: uuid.UUID, nickname: str) -> None:
    async with uow:
        person = await _person(uow, member_id)
        if not person.deleted:
            person.nickname = nickname
        await uow.commit()


async def record_neighbourhood(
    uow: UnitOfWork, *, member_id: uuid.UUID, region_code: str, region_name: str
) -> None:
    async with uow:
        person = await _person(uow, member_id)
        person.region_code = region_code
        person.region_name = region_name
        await uow.commit()


async def forget_person(uow: UnitOfWork, *, member_id: uuid.UUID) -> None:
    """A deleted account keeps no nickname here; its memberships stay until removed."""
    async with uow:
        person = await _person(uow, member_id)
        person.nickname = ""
        person.region_code = None
        person.region_name = None
        person.deleted = True
        await uow.session.execute(delete(ClubUpload).where(ClubUpload.owner_id == member_id))
        await uow.commit()


def _visibility_changed(uow: UnitOfWork, one: uuid.UUID, other: uuid.UUID) -> None:
    uow.emit(
        ChatVisibilityChanged(member_ids=[one, other], changed_at=uow.clock()),
        key=relation_key(one, other),
    )


async def record_block(
    uow: UnitOfWork, *, blocker_id: uuid.UUID, blocked_id: uuid.UUID, blocked_at: datetime
) -> None:
    async with uow:
        if await uow.session.get(Block, (blocker_id, blocked_id)) is None:
            uow.session.add(
                Block(blocker_id=blocker_id, blocked_id=blocked_id, blocked_at=blocked_at)
            )
        _visibility_changed(uow, blocker_id, blocked_id)
        await uow.commit()


async def record_unblock(uow: UnitOfWork, *, blocker_id: uuid.UUID, blocked_id: uuid.UUID) -> None:
    async with uow:
        await uow.session.execute(
            delete(Block).where(Block.blocker_id == blocker_id, Block.blocked_id == blocked_id)
        )
        _visibility_changed(uow, blocker_id, blocked_id)
        await uow.commit()


async def record_upload(
    uow: UnitOfWork,
    *,
    media_id: uuid.UUID,
    owner_id: uuid.UUID,
    kind: str,
    purpose: str,
    uploaded_at: datetime,
) -> None:
    """Only club photos are kept: other uploads are never accepted in a club."""
    async with uow:
        known = await uow.session.scalar(
            select(ClubUpload.media_id).where(ClubUpload.media_id == media_id)
        )
        if purpose == CLUB_PHOTO and kind == "image" and known is None:
            uow.session.add(
                ClubUpload(media_id=media_id, owner_id=owner_id, uploaded_at=uploaded_at)
            )
        await uow.commit()
