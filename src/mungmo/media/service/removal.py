"""Removing media: the uploader deletes one file; an account's erasure removes all."""

import uuid
from datetime import datetime

from sqlalchemy import select

from mungmo.media.adapters import MediaStorage
from mungmo.media.errors import MediaNotFound, NotMediaOwner
from mungmo.media.models import ErasedOwner, Media
from mungmo.media.service.context import MediaLibrary, stored_keys
from mungmo.media.service.upload import remove_files
from mungmo.platform.auth import Actor
from mungmo.platform.db import UnitOfWork


async def delete_media(library: MediaLibrary, actor: Actor, media_id: uuid.UUID) -> None:
    """The uploader removes a file; others are refused (403, the id is readable anyway)."""
    async with library.uow() as uow:
        media = await uow.session.scalar(
            select(Media).where(Media.id == media_id).with_for_update()
        )
        if media is None:
            raise MediaNotFound("This file does not exist or was deleted.")
        if not media.owned_by(actor.member_id):
            raise NotMediaOwner("Only the member who uploaded this file can delete it.")
        keys = stored_keys(media)
        await uow.session.delete(media)
        await uow.commit()
    await remove_files(library.storage, keys)


async def erase_owner_media(
    uow: UnitOfWork, *, storage: MediaStorage, owner_id: uuid.UUID, erased_at: datetime
) -> None:
    """Personal data erasure: every file and row of a deleted account goes, and the
    account may not upload again. Files go before the commit, so a failed commit
    is retried and nothing of the owner is left behind."""
    async with uow:
        if await uow.session.get(ErasedOwner, owner_id) is None:
            uow.session.add(ErasedOwner(owner_id=owner_id, erased_at=erased_at))
            await uow.flush()
        owned = (
            await uow.session.scalars(
                select(Media).where(Media.owner_id == owner_id).with_for_update()
            )
        ).all()
        for media in owned:
            for key in stored_keys(media):
                await storage.delete(key)
            await uow.session.delete(media)
        await uow.commit()
