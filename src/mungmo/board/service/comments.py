"""Comments with one level of replies: write, edit, delete, list (threads in order)."""

import uuid

from sqlalchemy import select, update

from mungmo.board.errors import NotYourComment, ReplyTooDeep
from mungmo.board.models import Comment, CommentLike, Post
from mungmo.board.schemas import CommentCreate, CommentPage, CommentRead, CommentUpdate
from mungmo.board.service.context import Boards
from mungmo.board.service.queries import (
    authors,
    comment_like_counts,
    comment_read,
    interactive_post,
    not_blocked,
    visible_comment,
    visible_post,
)
from mungmo.contracts.board import CommentWritten
from mungmo.platform.auth import Actor
from mungmo.platform.ids import new_id
from mungmo.platform.pagination import Keyset, PageRequest, SortKey

# A thread (a comment, then its replies) after the one before; both ids are time-ordered.
THREADS_IN_ORDER = Keyset((SortKey(Comment.thread_id, uuid.UUID), SortKey(Comment.id, uuid.UUID)))


async def write_comment(
    boards: Boards, actor: Actor, post_id: uuid.UUID, data: CommentCreate
) -> CommentRead:
    async with boards.uow() as uow:
        post = await interactive_post(uow, actor, post_id)
        parent = None
        if data.parent_id is not None:
            parent = await visible_comment(uow, actor, data.parent_id)
            if parent.post_id != post.id:
                raise ReplyTooDeep("Reply to a comment of this post.")
            if parent.parent_id is not None:
                raise ReplyTooDeep("Replies take one level: reply to the comment itself.")
        comment_id = new_id()
        comment = Comment(
            id=comment_id,
            post_id=post.id,
            thread_id=parent.id if parent is not None else comment_id,
            parent_id=parent.id if parent is not None else None,
            author_id=actor.member_id,
            content=data.content.strip() or data.content,
            created_at=boards.clock(),
        )
        uow.session.add(comment)
        await uow.session.execute(
            update(Post).where(Post.id == post.id).values(comment_count=Post.comment_count + 1)
        )
        uow.emit(
            CommentWritten(
                comment_id=comment.id,
                post_id=post.id,
                post_author_id=post.author_id,
                author_id=actor.member_id,
                parent_id=parent.id if parent is not None else None,
                parent_author_id=parent.author_id if parent is not None else None,
                written_at=comment.created_at,
            ),
            key=post.id,
        )
        await uow.session.flush()
        found = await authors(uow, [actor.member_id])
        read = comment_read(comment, found[actor.member_id], actor, liked=False, likes=0)
        await uow.commit()
    return read


async def list_comments(
    boards: Boards, actor: Actor, post_id: uuid.UUID, page: PageRequest
) -> CommentPage:
    """The post's comments, each thread followed by its replies; members blocked either
    way are left out, deleted and hidden comments stay as placeholders."""
    async with boards.uow() as uow:
        await visible_post(uow, actor, post_id)
        statement = select(Comment).where(
            Comment.post_id == post_id, not_blocked(Comment.author_id, actor.member_id)
        )
        rows = list(
            (await uow.session.scalars(THREADS_IN_ORDER.select_page(statement, page))).all()
        )
        shown = rows[: page.limit]
        found = await authors(uow, (c.author_id for c in shown))
        liked = set(
            await uow.session.scalars(
                select(CommentLike.comment_id).where(
                    CommentLike.member_id == actor.member_id,
                    CommentLike.comment_id.in_([c.id for c in shown]),
                )
            )
        )
        counts = await comment_like_counts(uow, (c.id for c in shown))
        return THREADS_IN_ORDER.page(
            rows,
            page,
            key=lambda c: (c.thread_id, c.id),
            read=lambda c: comment_read(
                c, found[c.author_id], actor, c.id in liked, counts.get(c.id, 0)
            ),
            into=CommentPage,
        )


async def update_comment(
    boards: Boards, actor: Actor, comment_id: uuid.UUID, data: CommentUpdate
) -> CommentRead:
    async with boards.uow() as uow:
        comment = await visible_comment(uow, actor, comment_id)
        if comment.author_id != actor.member_id:
            raise NotYourComment("Only the author edits a comment.")
        comment.content = data.content
        comment.edited_at = boards.clock()
        liked = await uow.session.get(CommentLike, (comment.id, actor.member_id)) is not None
        found = await authors(uow, [actor.member_id])
        counts = await comment_like_counts(uow, [comment.id])
        read = comment_read(
            comment, found[actor.member_id], actor, liked, counts.get(comment.id, 0)
        )
        await uow.commit()
    return read


async def delete_comment(boards: Boards, actor: Actor, comment_id: uuid.UUID) -> None:
    async with boards.uow() as uow:
        comment = await visible_comment(uow, actor, comment_id)
        if comment.author_id != actor.member_id:
            raise NotYourComment("Only the author deletes a comment.")
        comment.deleted_at = boards.clock()
        await uow.session.execute(
            update(Post)
            .where(Post.id == comment.post_id)
            .values(comment_count=Post.comment_count - 1)
        )
        await uow.commit()
