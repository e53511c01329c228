"""Chat messages, history pages, read markers and unread counts."""

import uuid
from datetime import datetime

from pydantic import BaseModel, Field

MAX_BODY = 1000


class MessageCreate(BaseModel):
    # Length is checked by the use case (club.message_too_long), so sockets and HTTP agree.
    body: str = Field(default="", max_length=20_000)
    media_id: uuid.UUID | None = None


class MessageRead(BaseModel):
    id: uuid.UUID
    club_id: uuid.UUID
    seq: int
    author_id: uuid.UUID
    author_nickname: str
    body: str
    image_url: str | None
    thumbnail_url: str | None
    sent_at: datetime
    deleted: bool


class MessagePage(BaseModel):
    """Oldest first. ``before_seq`` of the next (older) page, null when none is left."""

    items: list[MessageRead]
    next_before_seq: int | None


class ReadMarker(BaseModel):
    seq: int = Field(ge=0)


class UnreadRead(BaseModel):
    club_id: uuid.UUID
    club_title: str
    last_seq: int
    last_read_seq: int
    unread: int


class UnreadList(BaseModel):
    items: list[UnreadRead]
