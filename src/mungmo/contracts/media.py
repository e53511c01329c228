"""What the media service publishes: its events (topic ``mungmo.media.media``, key: media
id) and where it serves a file, so other services link to media without copying its URLs."""

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from mungmo.platform.events.contract import Event, contract

MEDIA_PATH = "/api/v1/media"


@dataclass(frozen=True)
class MediaUrls:
    file: str
    thumbnail: str
    poster: str  # videos only


def media_urls(media_id: uuid.UUID) -> MediaUrls:
    """Where the media service serves a file and its thumbnail. The layout is media's:
    services that show media build links only through this."""
    return MediaUrls(
        file=f"{MEDIA_PATH}/{media_id}/file",
        thumbnail=f"{MEDIA_PATH}/{media_id}/thumbnail",
        poster=f"{MEDIA_PATH}/{media_id}/poster",
    )


@contract(source="media", aggregate="media", name="MediaUploaded")
class MediaUploaded(Event):
    """A member uploaded a file that passed the checks; other services keep the id
    to accept it (e.g. as a profile photo or report evidence) only from its owner."""

    media_id: uuid.UUID
    owner_id: uuid.UUID
    kind: Literal["image", "video"]
    content_type: str
    purpose: str
    uploaded_at: datetime
    # Videos only (null for images); optional, so older consumers are unaffected.
    duration_ms: int | None = None
    poster_url: str | None = None
