"""Likes on posts and comments: idempotent, and exact however many click at once.

A like is a row keyed by (target, member); only the insert that created the row adds one
to the count, in the same transaction, with an atomic ``count = count + 1``. A second
like by the same member finds the row (or loses the insert race) and changes nothing."""

import uuid
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError

from mungmo.board.models import Comment, CommentLike, Post, PostLike
from mungmo.board.schemas import LikeRead
from mungmo.board.service.context import Boards
from mungmo.board.service.queries import interactive_post, visible_comment
from mungmo.contracts.board import PostLiked
from mungmo.platform.auth import Actor


async def _count(boards: Boards, model: Any, target_id: uuid.UUID) -> int:
    async with boards.uow() as uow:
        return int(
            await uow.session.scalar(select(model.like_count).where(model.id == target_id)) or 0
        )


async def like_post(boards: Boards, actor: Actor, post_id: uuid.UUID) -> LikeRead:
    async with boards.uow() as uow:
        post = await interactive_post(uow, actor, post_id)
        if await uow.session.get(PostLike, (post.id, actor.member_id)) is None:
            now = boards.clock()
            uow.session.add(PostLike(post_id=post.id, member_id=actor.member_id, created_at=now))
            try:
                await uow.session.flush()
            except IntegrityError:
                await uow.rollback()  # the same member's other click won the insert
                return LikeRead(liked=True, like_count=await _count(boards, Post, post_id))
            await uow.session.execute(
                update(Post).where(Post.id == post.id).values(like_count=Post.like_count + 1)
            )
            if post.author_id != actor.member_id:
                uow.emit(
                    PostLiked(
                        post_id=post.id,
                        post_author_id=post.author_id,
                        member_id=actor.member_id,
                        liked_at=now,
                    ),
                    key=post.id,
                )
            await uow.commit()
    return LikeRead(liked=True, like_count=await _count(boards, Post, post_id))


async def unlike_post(boards: Boards, actor: Actor, post_id: uuid.UUID) -> LikeRead:
    async with boards.uow() as uow:
        post = await interactive_post(uow, actor, post_id)
        removed = await uow.session.execute(
            delete(PostLike).where(
                PostLike.post_id == post.id, PostLike.member_id == actor.member_id
            )
        )
        if removed.rowcount:  # type: ignore[attr-defined]
            await uow.session.execute(
                update(Post).where(Post.id == post.id).values(like_count=Post.like_count - 1)
            )
        await uow.commit()
    return LikeRead(liked=False, like_count=await _count(boards, Post, post_id))


async def like_comment(boards: Boards, actor: Actor, comment_id: uuid.UUID) -> LikeRead:
    async with boards.uow() as uow:
        comment = await visible_comment(uow, actor, comment_id)
        if await uow.session.get(CommentLike, (comment.id, actor.member_id)) is None:
            uow.session.add(
                CommentLike(
                    comment_id=comment.id, member_id=actor.member_id, created_at=boards.clock()
                )
            )
            try:
                await uow.session.flush()
            except IntegrityError:
                await uow.rollback()
                return LikeRead(liked=True, like_count=await _count(boards, Comment, comment_id))
            await uow.session.execute(
                update(Comment)
                .where(Comment.id == comment.id)
                .values(like_count=Comment.like_count + 1)
            )
            await uow.commit()
    return LikeRead(liked=True, like_count=await _count(boards, Comment, comment_id))


async def unlike_comment(boards: Boards, actor: Actor, comment_id: uuid.UUID) -> LikeRead:
    async with boards.uow() as uow:
        comment = await visible_comment(uow, actor, comment_id)
        removed = await uow.session.execute(
            delete(CommentLike).where(
                CommentLike.comment_id == comment.id, CommentLike.member_id == actor.member_id
            )
        )
        if removed.rowcount:  # type: ignore[attr-defined]
            await uow.session.execute(
                update(Comment)
                .where(Comment.id == comment.id)
                .values(like_count=Comment.like_count - 1)
            )
        await uow.commit()
    return LikeRead(liked=False, like_count=await _count(boards, Comment, comment_id))
