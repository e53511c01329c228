"""Media HTTP API: upload, read, serve (original, thumbnail, a video's poster), delete."""

import re
import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Header, Response, UploadFile, status

from mungmo.contracts.media import MEDIA_PATH
from mungmo.media import service
from mungmo.media.schemas import MediaPurpose, MediaRead
from mungmo.media.service import ByteRange, MediaContent, MediaLibrary, Variant
from mungmo.platform.auth import CurrentAccount
from mungmo.platform.service import provide

router = APIRouter(tags=["media"])

Library = Annotated[MediaLibrary, Depends(provide(MediaLibrary))]
IfNoneMatch = Annotated[str | None, Header(include_in_schema=False)]
RangeHeader = Annotated[str | None, Header(alias="Range", include_in_schema=False)]
IfRange = Annotated[str | None, Header(include_in_schema=False)]

# A file's URL (/api/v1/media/{id}/file) stays the same for its whole life and outlives
# it: profiles, pages and browser caches keep it after a delete or an account erasure.
# So no shared cache may keep the bytes, and a browser keeps them one minute, then
# revalidates with the ETag (a cheap 304 while the file exists, 404 once it is gone).
# Year-long immutable caching would need URLs that change when permission ends.
FILE_CACHING = "private, max-age=60, must-revalidate"
_FILE_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The file's bytes.",
        "content": {
            "image/jpeg": {},
            "image/png": {},
            "image/webp": {},
            "video/mp4": {},
            "video/webm": {},
        },
    },
    206: {"description": "One byte range of the file (Range: bytes=first-last)."},
    304: {"description": "The cached copy (If-None-Match) is current."},
    416: {"description": "The range is outside the file."},
}
_RANGE = re.compile(r"bytes=(\d*)-(\d*)")


@router.post(MEDIA_PATH, status_code=status.HTTP_201_CREATED)
async def upload_media(
    actor: CurrentAccount,
    library: Library,
    file: Annotated[
        UploadFile,
        File(description="JPEG, PNG, WebP or GIF; MP4, MOV or WebM; checked by content."),
    ],
    purpose: Annotated[MediaPurpose, Form()],
) -> MediaRead:
    # One byte over the limit is enough to refuse; the rest is never read.
    data = await file.read(library.policy.max_upload_bytes + 1)
    return await service.upload_media(library, actor, data=data, purpose=purpose)


@router.get(MEDIA_PATH + "/{media_id}")
async def get_media(media_id: uuid.UUID, actor: CurrentAccount, library: Library) -> MediaRead:
    return await service.get_media(library, media_id)


def byte_range(header: str | None) -> ByteRange | None:
    """One range of a Range header. Several ranges, other units and invalid ranges are
    ignored (RFC 9110 allows it): the whole file is sent."""
    match = _RANGE.fullmatch(header.strip()) if header else None
    if match is None or match.groups() == ("", ""):
        return None
    first, last = (int(value) if value else None for value in match.groups())
    if first is not None and last is not None and last < first:
        return None
    return ByteRange(first, last)


def _file_response(content: MediaContent) -> Response:
    headers = {
        "Accept-Ranges": "bytes",
        "Cache-Control": FILE_CACHING,
        "ETag": content.etag,
        "X-Content-Type-Options": "nosniff",
    }
    if content.data is None:
        return Response(status_code=status.HTTP_304_NOT_MODIFIED, headers=headers)
    if content.span is None:
        return Response(content.data, media_type=content.content_type, headers=headers)
    first, last = content.span
    headers["Content-Range"] = f"bytes {first}-{last}/{content.size}"
    return Response(
        content.data,
        status_code=status.HTTP_206_PARTIAL_CONTENT,
        media_type=content.content_type,
        headers=headers,
    )


async def _serve(
    library: MediaLibrary,
    media_id: uuid.UUID,
    variant: Variant,
    if_none_match: str | None,
    range_header: str | None,
    if_range: str | None,
) -> Response:
    content = await service.open_media_file(
        library,
        media_id,
        variant,
        if_none_match=if_none_match,
        byte_range=byte_range(range_header),
        if_range=if_range,
    )
    return _file_response(content)


# No token: <img src> and <video src> cannot send one, and the ids are unguessable.
@router.get(MEDIA_PATH + "/{media_id}/file", response_class=Response, responses=_FILE_RESPONSES)
async def get_media_file(
    media_id: uuid.UUID,
    library: Library,
    if_none_match: IfNoneMatch = None,
    range_header: RangeHeader = None,
    if_range: IfRange = None,
) -> Response:
    return await _serve(library, media_id, "original", if_none_match, range_header, if_range)


@router.get(
    MEDIA_PATH + "/{media_id}/thumbnail", response_class=Response, responses=_FILE_RESPONSES
)
async def get_media_thumbnail(
    media_id: uuid.UUID,
    library: Library,
    if_none_match: IfNoneMatch = None,
    range_header: RangeHeader = None,
    if_range: IfRange = None,
) -> Response:
    return await _serve(library, media_id, "thumbnail", if_none_match, range_header, if_range)


@router.get(MEDIA_PATH + "/{media_id}/poster", response_class=Response, responses=_FILE_RESPONSES)
async def get_media_poster(
    media_id: uuid.UUID,
    library: Library,
    if_none_match: IfNoneMatch = None,
    range_header: RangeHeader = None,
    if_range: IfRange = None,
) -> Response:
    """A video's poster frame (JPEG); 404 for an image."""
    return await _serve(library, media_id, "poster", if_none_match, range_header, if_range)


@router.delete(MEDIA_PATH + "/{media_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_media(media_id: uuid.UUID, actor: CurrentAccount, library: Library) -> None:
    await service.delete_media(library, actor, media_id)
