"""The board's use cases; ``api`` and ``handlers`` call ``service.<use_case>``."""

from mungmo.board.service.comments import (
    delete_comment,
    list_comments,
    update_comment,
    write_comment,
)
from mungmo.board.service.context import BoardPolicy, Boards
from mungmo.board.service.likes import like_comment, like_post, unlike_comment, unlike_post
from mungmo.board.service.lists import list_popular, list_posts, search_posts
from mungmo.board.service.moderation import moderation_log, set_comment_hidden, set_post_hidden
from mungmo.board.service.popularity import (
    POPULARITY_JOB,
    recompute_popularity,
    schedule_popularity,
)
from mungmo.board.service.posts import (
    create_post,
    delete_post,
    file_review_post,
    get_post,
    update_post,
)

__all__ = [
    "POPULARITY_JOB",
    "BoardPolicy",
    "Boards",
    "create_post",
    "delete_comment",
    "delete_post",
    "file_review_post",
    "get_post",
    "like_comment",
    "like_post",
    "list_comments",
    "list_popular",
    "list_posts",
    "moderation_log",
    "recompute_popularity",
    "schedule_popularity",
    "search_posts",
    "set_comment_hidden",
    "set_post_hidden",
    "unlike_comment",
    "unlike_post",
    "update_comment",
    "update_post",
    "write_comment",
]
