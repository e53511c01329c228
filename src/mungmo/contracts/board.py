"""Events the board service publishes (topic ``mungmo.board.post``, key: the post id; a
like: "<post id>:<member id>", since likes of one post need no order among themselves).


Notifications will tell a post's author about comments and likes, and a comment's author
about replies; the live comments of an open post (the platform's real-time channel)
follow ``CommentWritten``."""

import uuid
from datetime import datetime
from typing import Literal

from mungmo.platform.events.contract import Event, contract

Category = Literal["topic", "humour", "dog_show", "meetup_review"]


@contract(source="board", aggregate="post", name="PostPublished")
class PostPublished(Event):
    post_id: uuid.UUID
    author_id: uuid.UUID
    category: Category
    title: str
    region_code: str
    published_at: datetime


@contract(source="board", aggregate="post", name="CommentWritten")
class CommentWritten(Event):
    """``author_id`` commented on ``post_id`` (``post_author_id``'s post), or replied to
    ``parent_id`` (``parent_author_id``'s comment)."""

    comment_id: uuid.UUID
    post_id: uuid.UUID
    post_author_id: uuid.UUID
    author_id: uuid.UUID
    parent_id: uuid.UUID | None = None
    parent_author_id: uuid.UUID | None = None
    written_at: datetime


@contract(source="board", aggregate="post", name="PostLiked")
class PostLiked(Event):
    """``member_id`` liked ``post_author_id``'s post (once: liking again changes nothing)."""

    post_id: uuid.UUID
    post_author_id: uuid.UUID
    member_id: uuid.UUID
    liked_at: datetime


def post_channel(post_id: uuid.UUID) -> str:
    """The real-time channel of one post: a client with the post open listens here."""
    return f"board.post.{post_id}"
