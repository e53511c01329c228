"""Media use cases: upload (checked, cleaned, thumbnailed), read, serve, delete, erase."""

import asyncio
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy import select

from mungmo.contracts.media import MediaUploaded, media_urls
from mungmo.media.adapters import (
    ImageProcessor,
    MediaStorage,
    NotAnImage,
    ProcessedImage,
    TooManyPixels,
)
from mungmo.media.errors import (
    AccountErased,
    ImageTooLarge,
    MediaNotFound,
    MediaTooLarge,
    NotMediaOwner,
    UnsupportedMediaType,
)
from mungmo.media.models import ErasedOwner, Media
from mungmo.media.schemas import MediaKind, MediaPurpose, MediaRead
from mungmo.platform.auth import Actor
from mungmo.platform.db import UnitOfWork
from mungmo.platform.ids import new_id
from mungmo.platform.logging import get_logger
from mungmo.platform.ratelimit import RateLimiter

log = get_logger(__name__)


# Which kinds each purpose accepts; videos come with post_video.
ACCEPTED_KINDS: dict[MediaPurpose, frozenset[MediaKind]] = {
    MediaPurpose.PROFILE_PHOTO: frozenset({MediaKind.IMAGE}),
    MediaPurpose.DOG_PHOTO: frozenset({MediaKind.IMAGE}),
}


@dataclass(frozen=True)
class MediaPolicy:
    max_bytes: int


@dataclass
class MediaLibrary:
    """Everything the media use cases need, wired once at start-up."""

    uow: Callable[..., UnitOfWork]
    storage: MediaStorage
    images: ImageProcessor
    policy: MediaPolicy
    uploads_per_account: RateLimiter
    # Decoding a large photo takes a lot of memory and CPU: a few at a time.
    image_jobs: asyncio.Semaphore


@dataclass(frozen=True)
class MediaContent:
    """Bytes to serve; ``data`` is None when the client's copy (ETag) is current."""

    data: bytes | None
    content_type: str
    etag: str


def _read(media: Media) -> MediaRead:
    urls = media_urls(media.id)
    return MediaRead(
        id=media.id,
        kind=MediaKind(media.kind),
        content_type=media.content_type,
        width=media.width,
        height=media.height,
        byte_size=media.byte_size,
        url=urls.file,
        thumbnail_url=urls.thumbnail,
        created_at=media.created_at,
    )


def storage_key(media_id: uuid.UUID, variant: str, extension: str) -> str:
    # The id's last (random) hex digits spread files over 256 folders.
    return f"{media_id.hex[-2:]}/{media_id}/{variant}.{extension}"


async def _process_image(library: MediaLibrary, data: bytes) -> ProcessedImage:
    try:
        async with library.image_jobs:
            return await asyncio.to_thread(library.images.process, data)
    except NotAnImage as error:
        raise UnsupportedMediaType(f"Upload a JPEG, PNG, WebP or GIF image ({error}).") from None
    except TooManyPixels as error:
        raise ImageTooLarge(f"The image is too large: {error}.") from None


async def upload_media(
    library: MediaLibrary, actor: Actor, *, data: bytes, purpose: MediaPurpose
) -> MediaRead:
    """Checks the bytes by their content, stores a clean copy and a thumbnail, and
    records the upload with its MediaUploaded event in one transaction."""
    library.uploads_per_account.hit(str(actor.member_id))
    if len(data) > library.policy.max_bytes:
        raise MediaTooLarge(f"Files may be at most {library.policy.max_bytes:,} bytes.")
    if MediaKind.IMAGE not in ACCEPTED_KINDS[purpose]:
        raise UnsupportedMediaType(f"A {purpose.value} cannot be an image.")
    image = await _process_image(library, data)
    media_id = new_id()
    original_key = storage_key(media_id, "original", image.original.extension)
    thumbnail_key = storage_key(media_id, "thumbnail", image.thumbnail.extension)
    committed = False
    try:
        await library.storage.save(original_key, image.original.data, image.original.content_type)
        await library.storage.save(
            thumbnail_key, image.thumbnail.data, image.thumbnail.content_type
        )
        async with library.uow() as uow:
            await _refuse_erased_owner(uow, actor.member_id)
            media = Media(
                id=media_id,
                owner_id=actor.member_id,
                kind=MediaKind.IMAGE.value,
                purpose=purpose.value,
                content_type=image.original.content_type,
                width=image.original.width,
                height=image.original.height,
                byte_size=len(image.original.data),
                file_key=original_key,
                file_sha256=image.original.sha256,
                thumbnail_key=thumbnail_key,
                thumbnail_content_type=image.thumbnail.content_type,
                thumbnail_sha256=image.thumbnail.sha256,
                created_at=uow.clock(),
            )
            uow.session.add(media)
            uow.emit(
                MediaUploaded(
                    media_id=media.id,
                    owner_id=media.owner_id,
                    kind="image",
                    content_type=media.content_type,
                    purpose=media.purpose,
                    uploaded_at=media.created_at,
                ),
                key=media.id,
            )
            await uow.commit()
            committed = True
    finally:
        if not committed:
            # Nothing refers to the files unless the row committed.
            await asyncio.shield(_remove_files(library.storage, (original_key, thumbnail_key)))
    return _read(media)


async def _refuse_erased_owner(uow: UnitOfWork, owner_id: uuid.UUID) -> None:
    # A locking read: it waits for a concurrent erasure of this owner to commit, and
    # that erasure's insert waits for this upload, so no upload slips past it.
    erased = await uow.session.scalar(
        select(ErasedOwner.owner_id)
        .where(ErasedOwner.owner_id == owner_id)
        .with_for_update(read=True)
    )
    if erased is not None:
        raise AccountErased("The account was deleted; its access has ended.")


async def _remove_files(storage: MediaStorage, keys: Iterable[str]) -> None:
    for key in keys:
        try:
            await storage.delete(key)
        except OSError:
            # The row is gone, so nothing serves the file any more; log it for cleanup.
            log.exception("media.file_not_removed", key=key)


async def get_media(library: MediaLibrary, media_id: uuid.UUID) -> MediaRead:
    async with library.uow() as uow:
        media = await uow.session.get(Media, media_id)
        if media is None:
            raise MediaNotFound("This file does not exist or was deleted.")
        return _read(media)


async def open_media_file(
    library: MediaLibrary,
    media_id: uuid.UUID,
    variant: Literal["original", "thumbnail"],
    *,
    if_none_match: str | None = None,
) -> MediaContent:
    """The stored bytes of the original or the thumbnail (None when the ETag matches)."""
    async with library.uow() as uow:
        media = await uow.session.get(Media, media_id)
        if media is None:
            raise MediaNotFound("This file does not exist or was deleted.")
        if variant == "original":
            key, content_type, digest = media.file_key, media.content_type, media.file_sha256
        else:
            key = media.thumbnail_key
            content_type, digest = media.thumbnail_content_type, media.thumbnail_sha256
    etag = f'"{digest}"'
    if if_none_match is not None and _matches(if_none_match, etag):
        return MediaContent(data=None, content_type=content_type, etag=etag)
    data = await library.storage.load(key)
    if data is None:
        raise MediaNotFound("This file does not exist or was deleted.")
    return MediaContent(data=data, content_type=content_type, etag=etag)


def _matches(if_none_match: str, etag: str) -> bool:
    tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
    return "*" in tags or etag in tags


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
        keys = (media.file_key, media.thumbnail_key)
        await uow.session.delete(media)
        await uow.commit()
    await _remove_files(library.storage, keys)


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
            for key in (media.file_key, media.thumbnail_key):
                await storage.delete(key)
            await uow.session.delete(media)
        await uow.commit()
