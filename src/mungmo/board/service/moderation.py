"""Administrators hide a post or a comment (or show it again), with a reason recorded in
the append-only moderation log."""

import uuid
from datetime import datetime
from typing import Literal

from sqlalchemy import select, update

from mungmo.board.errors import CommentNotFound, PostNotFound
from mungmo.board.models import Comment, ModerationEntry, Post
from mungmo.board.schemas import ModerationEntryRead, ModerationPage
from mungmo.board.service.context import Boards
from mungmo.platform.auth import Actor
from mungmo.platform.db import UnitOfWork
from mungmo.platform.ids import new_id
from mungmo.platform.pagination import Keyset, PageRequest, SortKey

NEWEST_FIRST = Keyset(
    (
        SortKey(ModerationEntry.at, datetime, descending=True),
        SortKey(ModerationEntry.id, uuid.UUID, descending=True),
    )
)
Kind = Literal["post", "comment"]


def _record(
    uow: UnitOfWork, actor: Actor, action: str, kind: Kind, target: uuid.UUID, reason: str
) -> None:
    uow.session.add(
        ModerationEntry(
            id=new_id(),
            actor_id=actor.member_id,
            action=action,
            target_kind=kind,
            target_id=target,
            reason=reason,
            at=uow.clock(),
        )
    )


async def set_post_hidden(
    boards: Boards, actor: Actor, post_id: uuid.UUID, *, hidden: bool, reason: str
) -> None:
    async with boards.uow() as uow:
        post = await uow.session.scalar(
            select(Post).where(Post.id == post_id, Post.deleted_at.is_(None)).with_for_update()
        )
        if post is None:
            raise PostNotFound("No post has this id.")
        post.hidden_at = boards.clock() if hidden else None
        post.hidden_reason = reason if hidden else None
        if hidden:
            post.popularity = 0
        _record(uow, actor, "hide" if hidden else "show", "post", post.id, reason)
        await uow.commit()


async def set_comment_hidden(
    boards: Boards, actor: Actor, comment_id: uuid.UUID, *, hidden: bool, reason: str
) -> None:
    async with boards.uow() as uow:
        comment = await uow.session.scalar(
            select(Comment)
            .where(Comment.id == comment_id, Comment.deleted_at.is_(None))
            .with_for_update()
        )
        if comment is None:
            raise CommentNotFound("No comment has this id.")
        was_hidden = comment.hidden_at is not None
        comment.hidden_at = boards.clock() if hidden else None
        comment.hidden_reason = reason if hidden else None
        if was_hidden != hidden:
            change = -1 if hidden else 1
            await uow.session.execute(
                update(Post)
                .where(Post.id == comment.post_id)
                .values(comment_count=Post.comment_count + change)
            )
        _record(uow, actor, "hide" if hidden else "show", "comment", comment.id, reason)
        await uow.commit()


async def moderation_log(boards: Boards, page: PageRequest) -> ModerationPage:
    async with boards.uow() as uow:
        rows = (
            await uow.session.scalars(NEWEST_FIRST.select_page(select(ModerationEntry), page))
        ).all()
        return NEWEST_FIRST.page(
            rows,
            page,
            key=lambda e: (e.at, e.id),
            read=lambda e: ModerationEntryRead.model_validate(e, from_attributes=True),
            into=ModerationPage,
        )
