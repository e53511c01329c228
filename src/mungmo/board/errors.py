"""The board service's domain errors: each has an HTTP status and a stable code."""

from typing import ClassVar

from mungmo.platform.errors import DomainError, Forbidden, NotFound


class Unprocessable(DomainError):
    status: ClassVar[int] = 422


class PostNotFound(NotFound):
    code = "board.post_not_found"
    title = "No such post"


class CommentNotFound(NotFound):
    code = "board.comment_not_found"
    title = "No such comment"


class NotYourPost(Forbidden):
    code = "board.not_your_post"
    title = "Only its author may change this post"


class NotYourComment(Forbidden):
    code = "board.not_your_comment"
    title = "Only its author may change this comment"


class CategoryNotWritable(Unprocessable):
    code = "board.category_not_writable"
    title = "인기글 is computed; write in another category"


class NeighbourhoodRequired(Unprocessable):
    code = "board.neighbourhood_required"
    title = "Verify your neighbourhood first"


class AttachmentNotFound(Unprocessable):
    code = "board.attachment_not_found"
    title = "Attachments must be your own post_attachment uploads"


class AttachmentInUse(Unprocessable):
    code = "board.attachment_in_use"
    title = "This file is already attached to another post"


class ReplyTooDeep(Unprocessable):
    code = "board.reply_too_deep"
    title = "Replies take one level: reply to the comment itself"


class BlockedInteraction(Forbidden):
    code = "board.blocked"
    title = "You cannot interact with this member"


class SearchQueryInvalid(Unprocessable):
    code = "board.search_query_invalid"
    title = "Type a word to search for"
