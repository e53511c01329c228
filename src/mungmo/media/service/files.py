"""Reading media: the metadata, and a stored file's bytes (whole, or one byte range so
that a <video> can seek), with ETag revalidation."""

import uuid
from dataclasses import dataclass
from typing import Literal

from mungmo.media.errors import MediaNotFound, RangeNotSatisfiable
from mungmo.media.models import Media
from mungmo.media.schemas import MediaRead
from mungmo.media.service.context import MediaLibrary, media_read

Variant = Literal["original", "thumbnail", "poster"]


@dataclass(frozen=True)
class ByteRange:
    """One range of a Range header: ``first-last``, ``first-`` or ``-last`` (a suffix)."""

    first: int | None
    last: int | None

    def within(self, size: int) -> tuple[int, int] | None:
        """The inclusive span it asks of a file of ``size`` bytes; None when it
        asks for nothing that exists (416)."""
        if self.first is None:
            if not self.last or size == 0:
                return None
            return max(0, size - self.last), size - 1
        if self.first >= size:
            return None
        return self.first, size - 1 if self.last is None else min(self.last, size - 1)


@dataclass(frozen=True)
class MediaContent:
    """Bytes to serve; ``data`` is None when the client's copy (ETag) is current.
    ``span`` is the inclusive range ``data`` covers when a range was asked for."""

    data: bytes | None
    content_type: str
    etag: str
    size: int
    span: tuple[int, int] | None = None


@dataclass(frozen=True)
class _Stored:
    key: str
    content_type: str
    etag: str
    size: int | None  # known for the original; the small images are read whole


async def get_media(library: MediaLibrary, media_id: uuid.UUID) -> MediaRead:
    async with library.uow() as uow:
        media = await uow.session.get(Media, media_id)
        if media is None:
            raise MediaNotFound("This file does not exist or was deleted.")
        return media_read(media)


def _stored(media: Media, variant: Variant) -> _Stored:
    if variant == "original":
        return _Stored(media.file_key, media.content_type, media.file_sha256, media.byte_size)
    if variant == "thumbnail":
        return _Stored(
            media.thumbnail_key, media.thumbnail_content_type, media.thumbnail_sha256, None
        )
    if media.poster_key is None or media.poster_content_type is None or not media.poster_sha256:
        raise MediaNotFound("Only videos have a poster.")
    return _Stored(media.poster_key, media.poster_content_type, media.poster_sha256, None)


async def open_media_file(
    library: MediaLibrary,
    media_id: uuid.UUID,
    variant: Variant,
    *,
    if_none_match: str | None = None,
    byte_range: ByteRange | None = None,
    if_range: str | None = None,
) -> MediaContent:
    """The stored bytes of a variant: None when the ETag matches, one span when a
    range is asked for (and If-Range, when sent, still names this file)."""
    async with library.uow() as uow:
        media = await uow.session.get(Media, media_id)
        if media is None:
            raise MediaNotFound("This file does not exist or was deleted.")
        stored = _stored(media, variant)
    etag = f'"{stored.etag}"'
    if if_none_match is not None and _matches(if_none_match, etag):
        return MediaContent(None, stored.content_type, etag, stored.size or 0)
    if if_range is not None and if_range.strip() != etag:
        byte_range = None  # the client's part is of another file: send it all
    if byte_range is not None and stored.size is not None:
        span = _span(byte_range, stored.size)
        data = await library.storage.load(stored.key, span[0], span[1] - span[0] + 1)
        if data is None:
            raise MediaNotFound("This file does not exist or was deleted.")
        return MediaContent(data, stored.content_type, etag, stored.size, span)
    data = await library.storage.load(stored.key)
    if data is None:
        raise MediaNotFound("This file does not exist or was deleted.")
    if byte_range is None:
        return MediaContent(data, stored.content_type, etag, len(data))
    span = _span(byte_range, len(data))
    part = data[span[0] : span[1] + 1]
    return MediaContent(part, stored.content_type, etag, len(data), span)


def _span(byte_range: ByteRange, size: int) -> tuple[int, int]:
    span = byte_range.within(size)
    if span is None:
        raise RangeNotSatisfiable(
            f"The file has {size:,} bytes.", headers={"Content-Range": f"bytes */{size}"}
        )
    return span


def _matches(if_none_match: str, etag: str) -> bool:
    tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
    return "*" in tags or etag in tags
