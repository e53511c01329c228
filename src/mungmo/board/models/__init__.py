"""The board's tables, one module per topic; ``Base`` carries its metadata."""

from mungmo.board.models.base import SEARCH_TABLE, Base
from mungmo.board.models.members import Attachment, Block, BoardMember
from mungmo.board.models.posts import (
    Comment,
    CommentLike,
    ModerationEntry,
    Post,
    PostLike,
    PostMedia,
    PostView,
)

__all__ = [
    "SEARCH_TABLE",
    "Attachment",
    "Base",
    "Block",
    "BoardMember",
    "Comment",
    "CommentLike",
    "ModerationEntry",
    "Post",
    "PostLike",
    "PostMedia",
    "PostView",
]
