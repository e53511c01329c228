"""Media use cases: upload (checked, cleaned, thumbnailed), read, serve, delete, erase."""

from mungmo.media.service.context import (
    ACCEPTED_KINDS,
    MediaLibrary,
    MediaPolicy,
    media_read,
    storage_key,
)
from mungmo.media.service.files import (
    ByteRange,
    MediaContent,
    Variant,
    get_media,
    open_media_file,
)
from mungmo.media.service.removal import delete_media, erase_owner_media
from mungmo.media.service.upload import upload_media

__all__ = [
    "ACCEPTED_KINDS",
    "ByteRange",
    "MediaContent",
    "MediaLibrary",
    "MediaPolicy",
    "Variant",
    "delete_media",
    "erase_owner_media",
    "get_media",
    "media_read",
    "open_media_file",
    "storage_key",
    "upload_media",
]
