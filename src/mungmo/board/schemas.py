"""Request and response models of the board API."""

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from mungmo.contracts.board import Category
from mungmo.platform.http.fields import Omittable
from mungmo.platform.pagination import Page

MAX_MEDIA = 10
Title = Annotated[str, Field(min_length=1, max_length=100)]
Content = Annotated[str, Field(min_length=1, max_length=20_000)]
MediaIds = Annotated[list[uuid.UUID], Field(max_length=MAX_MEDIA)]
# 내 동네 (my verified 동), 내 시/군/구, or everywhere.
Scope = Literal["dong", "district", "all"]
CommentState = Literal["visible", "deleted", "hidden"]


class AuthorRead(BaseModel):
    id: uuid.UUID
    # None once the account is deleted (the UI shows 탈퇴한 회원).
    nickname: str | None
    deleted: bool = False
    photo_url: str | None = None


class PostMediaRead(BaseModel):
    id: uuid.UUID
    kind: Literal["image", "video"]
    url: str
    thumbnail_url: str
    poster_url: str | None = Field(description="A video's poster frame; null for images.")
    duration_ms: int | None = None


class PostSummaryRead(BaseModel):
    id: uuid.UUID
    category: Category
    title: str
    excerpt: str = Field(description="Plain text from the start of the post (or, in search "
                         "results, around the first word found).")  # fmt: skip
    author: AuthorRead
    region_name: str
    created_at: datetime
    edited_at: datetime | None = Field(description="Set once edited: the UI shows 수정됨.")
    like_count: int
    comment_count: int
    view_count: int
    thumbnail_url: str | None = None
    media_count: int = 0


class PostRead(PostSummaryRead):
    content_html: str = Field(description="The content as sanitised HTML, safe to insert.")
    content: str | None = Field(
        default=None, description="The author's Markdown source: only for the author."
    )
    media: list[PostMediaRead]
    meetup_id: uuid.UUID | None = None
    liked_by_me: bool
    is_mine: bool
    hidden: bool = False
    hidden_reason: str | None = Field(default=None, description="For the author and admins.")


class PostPage(Page[PostSummaryRead]):
    pass


class SearchPage(Page[PostSummaryRead]):
    terms: list[str] = Field(description="The words searched for, to highlight.")


class PostCreate(BaseModel):
    category: Category | Literal["popular"]
    title: Title
    content: Content
    media_ids: MediaIds = Field(default_factory=list)


class PostUpdate(BaseModel):
    title: Omittable[Title] = None
    content: Omittable[Content] = None
    media_ids: Omittable[MediaIds] = None


class CommentRead(BaseModel):
    id: uuid.UUID
    post_id: uuid.UUID
    parent_id: uuid.UUID | None
    state: CommentState
    author: AuthorRead | None = Field(description="None for a deleted or hidden comment.")
    content: str = Field(description="Plain text; empty for a deleted or hidden comment.")
    created_at: datetime
    edited_at: datetime | None
    like_count: int
    liked_by_me: bool
    is_mine: bool


class CommentPage(Page[CommentRead]):
    pass


class CommentCreate(BaseModel):
    content: str = Field(min_length=1, max_length=2_000)
    parent_id: uuid.UUID | None = Field(default=None, description="Reply to this comment.")


class CommentUpdate(BaseModel):
    content: str = Field(min_length=1, max_length=2_000)


class LikeRead(BaseModel):
    liked: bool
    like_count: int


class HideRequest(BaseModel):
    reason: str = Field(min_length=1, max_length=500)


class ModerationEntryRead(BaseModel):
    id: uuid.UUID
    actor_id: uuid.UUID
    action: Literal["hide", "show"]
    target_kind: Literal["post", "comment"]
    target_id: uuid.UUID
    reason: str
    at: datetime


class ModerationPage(Page[ModerationEntryRead]):
    pass
