import uuid
from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, Field


class MediaKind(StrEnum):
    IMAGE = "image"
    VIDEO = "video"


class MediaPurpose(StrEnum):
    """What an upload is for; it decides which kinds are accepted."""

    PROFILE_PHOTO = "profile_photo"
    DOG_PHOTO = "dog_photo"
    # Photos and videos attached to a report (trust).
    REPORT_EVIDENCE = "report_evidence"
    # Photos and videos of a board post (board).
    POST_ATTACHMENT = "post_attachment"
    # A club's cover, album photos and chat images (club).
    CLUB_PHOTO = "club_photo"


class MediaRead(BaseModel):
    """An uploaded file as any logged-in account sees it (the owner is not shown)."""

    id: uuid.UUID
    kind: MediaKind
    content_type: str = Field(examples=["image/jpeg"])
    width: int = Field(ge=1)
    height: int = Field(ge=1)
    byte_size: int = Field(ge=1, description="Size of the stored (re-encoded) file.")
    url: str = Field(examples=["/api/v1/media/0193.../file"])
    thumbnail_url: str = Field(examples=["/api/v1/media/0193.../thumbnail"])
    poster_url: str | None = Field(
        description="A video's poster frame (JPEG, full size); null for images.",
        examples=["/api/v1/media/0193.../poster"],
    )
    duration_ms: int | None = Field(
        ge=1, description="A video's length in milliseconds; null for images."
    )
    created_at: datetime
