"""The media service's context object, its policy, and the shapes its use cases share."""

import asyncio
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from mungmo.contracts.media import media_urls
from mungmo.media.adapters import ImageProcessor, MediaStorage, VideoProcessor
from mungmo.media.models import Media
from mungmo.media.schemas import MediaKind, MediaPurpose, MediaRead
from mungmo.platform.db import UnitOfWork
from mungmo.platform.ratelimit import RateLimiter

# Which kinds each purpose accepts.
ACCEPTED_KINDS: dict[MediaPurpose, frozenset[MediaKind]] = {
    MediaPurpose.PROFILE_PHOTO: frozenset({MediaKind.IMAGE}),
    MediaPurpose.DOG_PHOTO: frozenset({MediaKind.IMAGE}),
    MediaPurpose.REPORT_EVIDENCE: frozenset({MediaKind.IMAGE, MediaKind.VIDEO}),
    MediaPurpose.POST_ATTACHMENT: frozenset({MediaKind.IMAGE, MediaKind.VIDEO}),
    MediaPurpose.CLUB_PHOTO: frozenset({MediaKind.IMAGE}),
}


@dataclass(frozen=True)
class MediaPolicy:
    max_image_bytes: int
    max_video_bytes: int

    @property
    def max_upload_bytes(self) -> int:
        """The most an upload of any kind may be: what the API reads at most."""
        return max(self.max_image_bytes, self.max_video_bytes)

    def max_bytes(self, kind: MediaKind) -> int:
        return self.max_video_bytes if kind is MediaKind.VIDEO else self.max_image_bytes


@dataclass
class MediaLibrary:
    """Everything the media use cases need, wired once at start-up."""

    uow: Callable[..., UnitOfWork]
    storage: MediaStorage
    images: ImageProcessor
    videos: VideoProcessor
    policy: MediaPolicy
    uploads_per_account: RateLimiter
    # Decoding a large photo takes a lot of memory and CPU: a few at a time.
    image_jobs: asyncio.Semaphore
    # Copying a video reads and writes it whole (memory and a temporary file).
    video_jobs: asyncio.Semaphore


def media_read(media: Media) -> MediaRead:
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
        poster_url=urls.poster if media.poster_key is not None else None,
        duration_ms=media.duration_ms,
        created_at=media.created_at,
    )


def storage_key(media_id: uuid.UUID, variant: str, extension: str) -> str:
    # The id's last (random) hex digits spread files over 256 folders.
    return f"{media_id.hex[-2:]}/{media_id}/{variant}.{extension}"


def stored_keys(media: Media) -> tuple[str, ...]:
    """Every file stored for one media row."""
    keys = (media.file_key, media.thumbnail_key)
    return keys if media.poster_key is None else (*keys, media.poster_key)
