"""The notice and free boards and the album."""

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from mungmo.platform.pagination import Page

BoardName = Literal["notice", "free"]


class ClubPostCreate(BaseModel):
    board: BoardName
    title: str = Field(min_length=1, max_length=100)
    body: str = Field(min_length=1, max_length=5000)


class ClubPostRead(BaseModel):
    id: uuid.UUID
    club_id: uuid.UUID
    board: BoardName
    author_id: uuid.UUID
    author_nickname: str
    title: str
    body: str
    pinned: bool
    created_at: datetime
    can_delete: bool


class ClubPostPage(Page[ClubPostRead]): ...


class PinChange(BaseModel):
    pinned: bool


class AlbumPhotoCreate(BaseModel):
    media_id: uuid.UUID = Field(description="The member's own `club_photo` upload.")
    caption: str = Field(default="", max_length=200)


class AlbumPhotoRead(BaseModel):
    id: uuid.UUID
    club_id: uuid.UUID
    uploader_id: uuid.UUID
    uploader_nickname: str
    caption: str
    url: str
    thumbnail_url: str
    created_at: datetime
    can_delete: bool


class AlbumPage(Page[AlbumPhotoRead]): ...
