"""Reads the board's use cases share: visibility (blocks both ways, deleted and hidden
content, the region scope), authors and the shapes of posts and comments."""

import uuid
from collections.abc import Iterable

from sqlalchemy import ColumnElement, Select, and_, func, select
from sqlalchemy.orm import InstrumentedAttribute

from mungmo.board.domain.content import excerpt, plain_text
from mungmo.board.errors import CommentNotFound, PostNotFound
from mungmo.board.models import Block, BoardMember, Comment, CommentLike, Post, PostLike, PostMedia
from mungmo.board.schemas import (
    AuthorRead,
    CommentRead,
    PostMediaRead,
    PostSummaryRead,
    Scope,
)
from mungmo.contracts.media import media_urls
from mungmo.platform.auth import Actor
from mungmo.platform.db import UnitOfWork

EXCERPT_LENGTH = 120


def not_blocked(author: InstrumentedAttribute[uuid.UUID], viewer: uuid.UUID) -> ColumnElement[bool]:
    """The author neither blocked the viewer nor was blocked by them."""
    blocked_by_viewer = select(Block.blocked_id).where(Block.member_id == viewer)
    blocking_viewer = select(Block.member_id).where(Block.blocked_id == viewer)
    return and_(author.not_in(blocked_by_viewer), author.not_in(blocking_viewer))


async def post_like_counts(uow: UnitOfWork, post_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, int]:
    ids = list(post_ids)
    if not ids:
        return {}
    rows = await uow.session.execute(
        select(PostLike.post_id, func.count())
        .where(PostLike.post_id.in_(ids))
        .group_by(PostLike.post_id)
    )
    return {post_id: int(count) for post_id, count in rows.all()}


async def comment_like_counts(
    uow: UnitOfWork, comment_ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, int]:
    ids = list(comment_ids)
    if not ids:
        return {}
    rows = await uow.session.execute(
        select(CommentLike.comment_id, func.count())
        .where(CommentLike.comment_id.in_(ids))
        .group_by(CommentLike.comment_id)
    )
    return {comment_id: int(count) for comment_id, count in rows.all()}


def listed_posts(viewer: uuid.UUID) -> Select[Post]:
    """Posts anyone may see in lists, less those of members blocked either way."""
    return select(Post).where(
        Post.deleted_at.is_(None), Post.hidden_at.is_(None), not_blocked(Post.author_id, viewer)
    )


async def region_of(uow: UnitOfWork, member_id: uuid.UUID) -> BoardMember | None:
    return await uow.session.get(BoardMember, member_id)


async def in_scope(
    uow: UnitOfWork, statement: Select[Post], viewer: uuid.UUID, scope: Scope
) -> Select[Post]:
    if scope == "all":
        return statement
    member = await region_of(uow, viewer)
    if member is None or member.region_code is None:
        return statement.where(Post.id.is_(None))  # no verified 동 yet: nothing nearby
    if scope == "dong":
        return statement.where(Post.region_code == member.region_code)
    return statement.where(Post.district_code == member.region_code[:5])


async def authors(uow: UnitOfWork, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, AuthorRead]:
    wanted = set(ids)
    found: dict[uuid.UUID, AuthorRead] = {}
    if wanted:
        for member in await uow.session.scalars(
            select(BoardMember).where(BoardMember.member_id.in_(wanted))
        ):
            found[member.member_id] = author_read(member)
    return {i: found.get(i, AuthorRead(id=i, nickname=None)) for i in wanted}


def author_read(member: BoardMember) -> AuthorRead:
    if member.is_deleted:
        return AuthorRead(id=member.member_id, nickname=None, deleted=True)
    photo = member.photo_media_id
    return AuthorRead(
        id=member.member_id,
        nickname=member.nickname or None,
        photo_url=media_urls(photo).thumbnail if photo is not None else None,
    )


def media_read(item: PostMedia) -> PostMediaRead:
    urls = media_urls(item.media_id)
    return PostMediaRead(
        id=item.media_id,
        kind="video" if item.kind == "video" else "image",
        url=urls.file,
        thumbnail_url=urls.thumbnail,
        poster_url=urls.poster if item.kind == "video" else None,
        duration_ms=item.duration_ms,
    )


def summary_fields(post: Post, author: AuthorRead, text: str, likes: int) -> dict[str, object]:
    first = post.media[0] if post.media else None
    thumbnail = None
    if first is not None:
        urls = media_urls(first.media_id)
        thumbnail = urls.poster if first.kind == "video" else urls.thumbnail
    return {
        "id": post.id,
        "category": post.category,
        "title": post.title,
        "excerpt": text,
        "author": author,
        "region_name": post.region_name,
        "created_at": post.created_at,
        "edited_at": post.edited_at,
        "like_count": likes,
        "comment_count": post.comment_count,
        "view_count": post.view_count,
        "thumbnail_url": thumbnail,
        "media_count": len(post.media),
    }


async def summaries(
    uow: UnitOfWork, posts: list[Post], terms: list[str] | None = None
) -> list[PostSummaryRead]:
    """List items; with search ``terms`` the excerpt is cut around the first found."""
    found = await authors(uow, (post.author_id for post in posts))
    likes = await post_like_counts(uow, (post.id for post in posts))
    reads = []
    for post in posts:
        text = plain_text(post.content)
        cut = excerpt(text, terms or [], width=EXCERPT_LENGTH)
        reads.append(
            PostSummaryRead(
                **summary_fields(post, found[post.author_id], cut, likes.get(post.id, 0))
            )
        )
    return reads


async def visible_post(
    uow: UnitOfWork, actor: Actor, post_id: uuid.UUID, *, for_update: bool = False
) -> Post:
    """A post the actor may see: not deleted, not blocked either way; hidden posts only
    for their author and administrators."""
    statement = select(Post).where(Post.id == post_id, Post.deleted_at.is_(None))
    if for_update:
        statement = statement.with_for_update()
    post = await uow.session.scalar(statement)
    if post is None:
        raise PostNotFound("No post has this id.")
    if post.hidden_at is not None and not (post.author_id == actor.member_id or actor.is_admin):
        raise PostNotFound("No post has this id.")
    if post.author_id != actor.member_id and await blocked_between(
        uow, actor.member_id, post.author_id
    ):
        raise PostNotFound("No post has this id.")
    return post


async def interactive_post(uow: UnitOfWork, actor: Actor, post_id: uuid.UUID) -> Post:
    """A post the actor may like or comment on: visible and not hidden."""
    post = await visible_post(uow, actor, post_id)
    if post.hidden_at is not None:
        raise PostNotFound("No post has this id.")
    return post


async def blocked_between(uow: UnitOfWork, one: uuid.UUID, other: uuid.UUID) -> bool:
    found = await uow.session.scalar(
        select(Block.member_id).where(
            ((Block.member_id == one) & (Block.blocked_id == other))
            | ((Block.member_id == other) & (Block.blocked_id == one))
        )
    )
    return found is not None


async def visible_comment(uow: UnitOfWork, actor: Actor, comment_id: uuid.UUID) -> Comment:
    comment = await uow.session.get(Comment, comment_id)
    if (
        comment is None
        or comment.deleted_at is not None
        or comment.hidden_at is not None
        or (
            comment.author_id != actor.member_id
            and await blocked_between(uow, actor.member_id, comment.author_id)
        )
    ):
        raise CommentNotFound("No comment has this id.")
    await interactive_post(uow, actor, comment.post_id)
    return comment


def comment_read(
    comment: Comment, author: AuthorRead, actor: Actor, liked: bool, likes: int
) -> CommentRead:
    state = (
        "deleted"
        if comment.deleted_at is not None
        else "hidden"
        if comment.hidden_at is not None
        else "visible"
    )
    shown = state == "visible"
    return CommentRead(
        id=comment.id,
        post_id=comment.post_id,
        parent_id=comment.parent_id,
        state=state,
        author=author if shown else None,
        content=comment.content if shown else "",
        created_at=comment.created_at,
        edited_at=comment.edited_at,
        like_count=likes,
        liked_by_me=liked,
        is_mine=shown and comment.author_id == actor.member_id,
    )
