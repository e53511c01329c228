"""Posts, their attachments, comments, likes, views and the moderators' audit log."""

import uuid
from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mungmo.board.models.base import Base
from mungmo.platform.db import IdMixin
from mungmo.platform.db.append_only import append_only
from mungmo.platform.db.types import UtcDateTime


class Post(IdMixin, Base):
    __tablename__ = "posts"
    __table_args__ = (
        Index("ix_posts_category_created", "category", "created_at", "id"),
        Index("ix_posts_region_created", "region_code", "created_at", "id"),
        Index("ix_posts_district_created", "district_code", "created_at", "id"),
        Index("ix_posts_created", "created_at", "id"),
        Index("ix_posts_popularity", "popularity", "id"),
        Index("ix_posts_author", "author_id", "created_at"),
    )

    category: Mapped[str] = mapped_column(String(16))
    author_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    title: Mapped[str] = mapped_column(String(100))
    # The author's Markdown as written, and the sanitised HTML shown (rendered once).
    content: Mapped[str] = mapped_column(Text)
    content_html: Mapped[str] = mapped_column(Text)
    # The author's 동 when posting (a meetup review: the meetup's); its first 5 digits.
    region_code: Mapped[str] = mapped_column(String(10))
    district_code: Mapped[str] = mapped_column(String(5))
    region_name: Mapped[str] = mapped_column(String(100), default="")
    meetup_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    edited_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)
    deleted_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)
    hidden_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)
    hidden_reason: Mapped[str | None] = mapped_column(String(500), default=None)
    comment_count: Mapped[int] = mapped_column(Integer, default=0)
    view_count: Mapped[int] = mapped_column(Integer, default=0)
    # 인기글 score in thousandths, recomputed by the board.popularity job (docs/board.md).
    popularity: Mapped[int] = mapped_column(Integer, default=0)

    media: Mapped[list["PostMedia"]] = relationship(
        order_by="PostMedia.position", cascade="all, delete-orphan", lazy="selectin"
    )


class PostMedia(Base):
    __tablename__ = "post_media"

    post_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("posts.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    media_id: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True)
    kind: Mapped[str] = mapped_column(String(8))
    duration_ms: Mapped[int | None] = mapped_column(Integer, default=None)


class Comment(IdMixin, Base):
    """A comment, or a reply (``parent_id``) to a top-level comment. ``thread_id`` is the
    top-level comment's id (its own for a top-level one): lists order by it, then id."""

    __tablename__ = "comments"
    __table_args__ = (
        Index("ix_comments_post_thread", "post_id", "thread_id", "id"),
        Index("ix_comments_author", "author_id"),
    )

    post_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    thread_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    parent_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    author_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    content: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    edited_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)
    deleted_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)
    hidden_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)
    hidden_reason: Mapped[str | None] = mapped_column(String(500), default=None)


class PostLike(Base):
    __tablename__ = "post_likes"
    __table_args__ = (Index("ix_post_likes_created", "created_at"),)

    post_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    member_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class CommentLike(Base):
    __tablename__ = "comment_likes"

    comment_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    member_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class PostView(Base):
    """A member read a post on ``day`` (UTC+9, the members' day): counted once."""

    __tablename__ = "post_views"
    __table_args__ = (Index("ix_post_views_day", "day"),)

    post_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    member_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)


@append_only
class ModerationEntry(IdMixin, Base):
    """An administrator hid or showed again a post or a comment, and why."""

    __tablename__ = "moderation_log"
    __table_args__ = (Index("ix_moderation_log_at", "at", "id"),)

    actor_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    action: Mapped[str] = mapped_column(String(16))
    target_kind: Mapped[str] = mapped_column(String(16))
    target_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    reason: Mapped[str] = mapped_column(String(500))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
