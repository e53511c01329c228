"""Uploading: the bytes are checked by their content and cleaned (slow work, in a worker
thread), stored, then recorded with their MediaUploaded event in one transaction."""

import asyncio
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select

from mungmo.contracts.media import MediaUploaded, media_urls
from mungmo.media.adapters import (
    EncodedImage,
    EncodedVideo,
    MediaStorage,
    NotAnImage,
    NotAVideo,
    TooManyPixels,
    UnplayableCodec,
    VideoTooManyPixels,
    sniff_image_type,
    sniff_video_type,
)
from mungmo.media.adapters import VideoTooLong as VideoTooLongRejection
from mungmo.media.errors import (
    AccountErased,
    ImageTooLarge,
    MediaTooLarge,
    UnsupportedMediaType,
    UnsupportedVideoCodec,
    VideoTooLarge,
    VideoTooLong,
)
from mungmo.media.models import ErasedOwner, Media
from mungmo.media.schemas import MediaKind, MediaPurpose, MediaRead
from mungmo.media.service.context import (
    ACCEPTED_KINDS,
    MediaLibrary,
    media_read,
    storage_key,
)
from mungmo.platform.auth import Actor
from mungmo.platform.db import UnitOfWork
from mungmo.platform.ids import new_id
from mungmo.platform.logging import get_logger

log = get_logger(__name__)

_IMAGES = "a JPEG, PNG, WebP or GIF image"
_VIDEOS = "an MP4, MOV or WebM video"


@dataclass(frozen=True)
class _Cleaned:
    """An upload that passed the checks, with the files to store."""

    kind: MediaKind
    file: EncodedImage | EncodedVideo
    thumbnail: EncodedImage
    poster: EncodedImage | None = None
    duration_ms: int | None = None


def _kind_of(data: bytes) -> MediaKind | None:
    if sniff_image_type(data) is not None:
        return MediaKind.IMAGE
    if sniff_video_type(data) is not None:
        return MediaKind.VIDEO
    return None


def _what_to_upload(purpose: MediaPurpose) -> str:
    accepted = ACCEPTED_KINDS[purpose]
    if accepted == {MediaKind.IMAGE}:
        return _IMAGES
    if accepted == {MediaKind.VIDEO}:
        return _VIDEOS
    return f"{_IMAGES} or {_VIDEOS}"


async def _clean_image(library: MediaLibrary, data: bytes) -> _Cleaned:
    try:
        async with library.image_jobs:
            image = await asyncio.to_thread(library.images.process, data)
    except NotAnImage as error:
        raise UnsupportedMediaType(f"Upload {_IMAGES} ({error}).") from None
    except TooManyPixels as error:
        raise ImageTooLarge(f"The image is too large: {error}.") from None
    return _Cleaned(MediaKind.IMAGE, image.original, image.thumbnail)


async def _clean_video(library: MediaLibrary, data: bytes) -> _Cleaned:
    try:
        async with library.video_jobs:
            video = await asyncio.to_thread(library.videos.process, data)
    except NotAVideo as error:
        raise UnsupportedMediaType(f"Upload {_VIDEOS} ({error}).") from None
    except UnplayableCodec as error:
        raise UnsupportedVideoCodec(
            f"Upload a video in H.264, VP8, VP9 or AV1 with AAC, MP3, Opus or Vorbis sound"
            f" ({error})."
        ) from None
    except VideoTooLongRejection as error:
        raise VideoTooLong(f"The video is too long: {error}.") from None
    except VideoTooManyPixels as error:
        raise VideoTooLarge(f"The video is too large: {error}.") from None
    return _Cleaned(
        MediaKind.VIDEO,
        video.file,
        video.thumbnail,
        poster=video.poster,
        duration_ms=video.file.duration_ms,
    )


async def upload_media(
    library: MediaLibrary, actor: Actor, *, data: bytes, purpose: MediaPurpose
) -> MediaRead:
    """Checks the bytes by their content, stores a clean copy, a thumbnail and (videos)
    a poster, and records the upload with its MediaUploaded event in one transaction."""
    library.uploads_per_account.hit(str(actor.member_id))
    policy = library.policy
    if len(data) > policy.max_upload_bytes:
        raise MediaTooLarge(f"Files may be at most {policy.max_upload_bytes:,} bytes.")
    kind = _kind_of(data)
    if kind is None or kind not in ACCEPTED_KINDS[purpose]:
        raise UnsupportedMediaType(f"A {purpose.value} must be {_what_to_upload(purpose)}.")
    if len(data) > policy.max_bytes(kind):
        raise MediaTooLarge(f"A {kind.value} may be at most {policy.max_bytes(kind):,} bytes.")
    cleaned = await (_clean_image if kind is MediaKind.IMAGE else _clean_video)(library, data)
    return await _store(library, actor, cleaned, purpose)


async def _store(
    library: MediaLibrary, actor: Actor, cleaned: _Cleaned, purpose: MediaPurpose
) -> MediaRead:
    media_id = new_id()
    files = {
        storage_key(media_id, "original", cleaned.file.extension): cleaned.file,
        storage_key(media_id, "thumbnail", cleaned.thumbnail.extension): cleaned.thumbnail,
    }
    poster, poster_key = cleaned.poster, None
    if poster is not None:
        poster_key = storage_key(media_id, "poster", poster.extension)
        files[poster_key] = poster
    original_key, thumbnail_key = list(files)[:2]
    committed = False
    try:
        for key, stored in files.items():
            await library.storage.save(key, stored.data, stored.content_type)
        async with library.uow() as uow:
            await _refuse_erased_owner(uow, actor.member_id)
            media = Media(
                id=media_id,
                owner_id=actor.member_id,
                kind=cleaned.kind.value,
                purpose=purpose.value,
                content_type=cleaned.file.content_type,
                width=cleaned.file.width,
                height=cleaned.file.height,
                byte_size=len(cleaned.file.data),
                file_key=original_key,
                file_sha256=cleaned.file.sha256,
                thumbnail_key=thumbnail_key,
                thumbnail_content_type=cleaned.thumbnail.content_type,
                thumbnail_sha256=cleaned.thumbnail.sha256,
                poster_key=poster_key,
                poster_content_type=poster.content_type if poster else None,
                poster_sha256=poster.sha256 if poster else None,
                duration_ms=cleaned.duration_ms,
                created_at=uow.clock(),
            )
            uow.session.add(media)
            uow.emit(_uploaded(media), key=media.id)
            await uow.commit()
            committed = True
    finally:
        if not committed:
            # Nothing refers to the files unless the row committed.
            await asyncio.shield(remove_files(library.storage, files))
    return media_read(media)


def _uploaded(media: Media) -> MediaUploaded:
    is_video = media.kind == MediaKind.VIDEO.value
    return MediaUploaded(
        media_id=media.id,
        owner_id=media.owner_id,
        kind="video" if is_video else "image",
        content_type=media.content_type,
        purpose=media.purpose,
        uploaded_at=media.created_at,
        duration_ms=media.duration_ms,
        poster_url=media_urls(media.id).poster if media.poster_key is not None else None,
    )


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


async def remove_files(storage: MediaStorage, keys: Iterable[str]) -> None:
    for key in keys:
        try:
            await storage.delete(key)
        except OSError:
            # The row is gone, so nothing serves the file any more; log it for cleanup.
            log.exception("media.file_not_removed", key=key)
