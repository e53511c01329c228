"""Likes on posts and comments: idempotent, and exact however many click at once.

A like is a row keyed by (target, member): a second like by the same member finds the
row (or loses the insert race) and changes nothing. The count is the number of rows,
counted when read (an index range on the key), so concurrent likers never queue on a
counter row: each like is one insert and its event, in parallel with the others."""

import contextlib
import uuid

from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError

from mungmo.board.models import CommentLike, PostLike
from mungmo.board.schemas import LikeRead
from mungmo.board.service.context import Boards
from mungmo.board.service.queries import (
    comment_like_counts,
    interactive_post,
    post_like_counts,
    visible_comment,
)
from mungmo.contracts.board import PostLiked
from mungmo.platform.auth import Actor


async def _post_count(boards: Boards, post_id: uuid.UUID) -> int:
    async with boards.uow() as uow:
        return (await post_like_counts(uow, [post_id])).get(post_id, 0)


async def _comment_count(boards: Boards, comment_id: uuid.UUID) -> int:
    async with boards.uow() as uow:
        return (await comment_like_counts(uow, [comment_id])).get(comment_id, 0)


async def like_post(boards: Boards, actor: Actor, post_id: uuid.UUID) -> LikeRead:
    async with boards.uow() as uow:
        post = await interactive_post(uow, actor, post_id)
        if await uow.session.get(PostLike, (post.id, actor.member_id)) is None:
            now = boards.clock()
            uow.session.add(PostLike(post_id=post.id, member_id=actor.member_id, created_at=now))
            if post.author_id != actor.member_id:
                # Keyed by the pair: likes of one post need no order among themselves,
                # and concurrent likers do not queue on one outbox key.
                uow.emit(
                    PostLiked(
                        post_id=post.id,
                        post_author_id=post.author_id,
                        member_id=actor.member_id,
                        liked_at=now,
                    ),
                    key=f"{post.id}:{actor.member_id}",
                )
            # The same member's other click may win the insert: this one changes nothing.
            with contextlib.suppress(IntegrityError):
                await uow.commit()
    return LikeRead(liked=True, like_count=await _post_count(boards, post_id))


async def unlike_post(boards: Boards, actor: Actor, post_id: uuid.UUID) -> LikeRead:
    async with boards.uow() as uow:
        post = await interactive_post(uow, actor, post_id)
        await uow.session.execute(
            delete(PostLike).where(
                PostLike.post_id == post.id, PostLike.member_id == actor.member_id
            )
        )
        await uow.commit()
    return LikeRead(liked=False, like_count=await _post_count(boards, post_id))


async def like_comment(boards: Boards, actor: Actor, comment_id: uuid.UUID) -> LikeRead:
    async with boards.uow() as uow:
        comment = await visible_comment(uow, actor, comment_id)
        if await uow.session.get(CommentLike, (comment.id, actor.member_id)) is None:
            uow.session.add(
                CommentLike(
                    comment_id=comment.id, member_id=actor.member_id, created_at=boards.clock()
                )
            )
            with contextlib.suppress(IntegrityError):
                await uow.commit()
    return LikeRead(liked=True, like_count=await _comment_count(boards, comment_id))


async def unlike_comment(boards: Boards, actor: Actor, comment_id: uuid.UUID) -> LikeRead:
    async with boards.uow() as uow:
        comment = await visible_comment(uow, actor, comment_id)
        await uow.session.execute(
            delete(CommentLike).where(
                CommentLike.comment_id == comment.id, CommentLike.member_id == actor.member_id
            )
        )
        await uow.commit()
    return LikeRead(liked=False, like_count=await _comment_count(boards, comment_id))
