"""Writing, editing, deleting and reading posts; a read counts one view per member a day."""

import uuid
from datetime import datetime, timedelta, timezone

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from mungmo.board.domain.content import render_markdown
from mungmo.board.errors import (
    AttachmentInUse,
    AttachmentNotFound,
    CategoryNotWritable,
    NeighbourhoodRequired,
    NotYourPost,
)
from mungmo.board.models import Attachment, BoardMember, Post, PostLike, PostMedia, PostView
from mungmo.board.schemas import PostCreate, PostRead, PostUpdate
from mungmo.board.service import search
from mungmo.board.service.context import Boards
from mungmo.board.service.queries import (
    authors,
    media_read,
    post_like_counts,
    summary_fields,
    visible_post,
)
from mungmo.contracts.board import Category, PostPublished
from mungmo.platform.auth import Actor
from mungmo.platform.db import UnitOfWork
from mungmo.platform.ids import new_id

# The members' day: a view counts once per member per day in Korea (UTC+9).
KST = timezone(timedelta(hours=9))


async def _attachments(
    uow: UnitOfWork, owner_id: uuid.UUID, media_ids: list[uuid.UUID], post_id: uuid.UUID
) -> list[PostMedia]:
    """The owner's own post_attachment uploads, in the order given, none on another post."""
    ids = list(dict.fromkeys(media_ids))
    if not ids:
        return []
    uploads = {
        upload.media_id: upload
        for upload in await uow.session.scalars(
            select(Attachment).where(Attachment.media_id.in_(ids), Attachment.owner_id == owner_id)
        )
    }
    if len(uploads) != len(ids):
        raise AttachmentNotFound("Upload each file with purpose post_attachment first.")
    taken = await uow.session.scalar(
        select(PostMedia.media_id).where(PostMedia.media_id.in_(ids), PostMedia.post_id != post_id)
    )
    if taken is not None:
        raise AttachmentInUse(f"File {taken} is attached to another post.")
    return [
        PostMedia(
            position=index,
            media_id=media_id,
            kind=uploads[media_id].kind,
            duration_ms=uploads[media_id].duration_ms,
        )
        for index, media_id in enumerate(ids)
    ]


def _writable(category: Category | str) -> Category:
    if category == "popular":
        raise CategoryNotWritable("인기글 is computed from likes, comments and views.")
    return category  # type: ignore[return-value]


async def post_read(uow: UnitOfWork, actor: Actor, post: Post) -> PostRead:
    found = await authors(uow, [post.author_id])
    liked = await uow.session.get(PostLike, (post.id, actor.member_id)) is not None
    mine = post.author_id == actor.member_id
    likes = await post_like_counts(uow, [post.id])
    fields = summary_fields(post, found[post.author_id], "", likes.get(post.id, 0))
    return PostRead(
        **fields,
        content_html=post.content_html,
        content=post.content if mine else None,
        media=[media_read(item) for item in post.media],
        meetup_id=post.meetup_id,
        liked_by_me=liked,
        is_mine=mine,
        hidden=post.hidden_at is not None,
        hidden_reason=post.hidden_reason if mine or actor.is_admin else None,
    )


async def add_post(
    uow: UnitOfWork,
    *,
    post_id: uuid.UUID,
    author: BoardMember,
    category: Category,
    title: str,
    content: str,
    media: list[PostMedia],
    region_code: str,
    region_name: str,
    at: datetime,
    meetup_id: uuid.UUID | None = None,
) -> Post:
    """Inserts the post, indexes it for search and announces it (inside ``uow``)."""
    post = Post(
        id=post_id,
        category=category,
        author_id=author.member_id,
        title=title,
        content=content,
        content_html=render_markdown(content),
        region_code=region_code,
        district_code=region_code[:5],
        region_name=region_name,
        meetup_id=meetup_id,
        created_at=at,
        comment_count=0,
        view_count=0,
        popularity=0,
    )
    post.media = media
    uow.session.add(post)
    await uow.session.flush()
    await search.index_post(uow, post, author.nickname)
    uow.emit(
        PostPublished(
            post_id=post.id,
            author_id=author.member_id,
            category=category,
            title=title,
            region_code=region_code,
            published_at=at,
        ),
        key=post.id,
    )
    return post


async def create_post(boards: Boards, actor: Actor, data: PostCreate) -> PostRead:
    category = _writable(data.category)
    boards.posts_per_member.hit(str(actor.member_id))
    async with boards.uow() as uow:
        author = await uow.session.get(BoardMember, actor.member_id)
        if author is None or author.region_code is None:
            raise NeighbourhoodRequired("Posts belong to a neighbourhood: verify yours first.")
        post_id = new_id()
        media = await _attachments(uow, actor.member_id, data.media_ids, post_id)
        post = await add_post(
            uow,
            post_id=post_id,
            author=author,
            category=category,
            title=data.title,
            content=data.content,
            media=media,
            region_code=author.region_code,
            region_name=author.region_name or "",
            at=boards.clock(),
        )
        read = await post_read(uow, actor, post)
        await uow.commit()
    return read


async def get_post(boards: Boards, actor: Actor, post_id: uuid.UUID) -> PostRead:
    """The post; the first read of the day by this member adds one view."""
    await _count_view(boards, actor, post_id)
    async with boards.uow() as uow:
        post = await visible_post(uow, actor, post_id)
        return await post_read(uow, actor, post)


async def _count_view(boards: Boards, actor: Actor, post_id: uuid.UUID) -> None:
    day = boards.clock().astimezone(KST).date()
    async with boards.uow() as uow:
        post = await visible_post(uow, actor, post_id)
        if await uow.session.get(PostView, (post.id, actor.member_id, day)) is not None:
            return
        uow.session.add(PostView(post_id=post.id, member_id=actor.member_id, day=day))
        try:
            await uow.session.flush()
        except IntegrityError:
            return  # a read at the same moment counted it
        await uow.session.execute(
            update(Post).where(Post.id == post.id).values(view_count=Post.view_count + 1)
        )
        await uow.commit()


async def update_post(
    boards: Boards, actor: Actor, post_id: uuid.UUID, data: PostUpdate
) -> PostRead:
    async with boards.uow() as uow:
        post = await visible_post(uow, actor, post_id, for_update=True)
        if post.author_id != actor.member_id:
            raise NotYourPost("Only the author edits a post.")
        changed = data.model_fields_set
        if "title" in changed and data.title is not None:
            post.title = data.title
        if "content" in changed and data.content is not None:
            post.content = data.content
            post.content_html = render_markdown(data.content)
        if "media_ids" in changed and data.media_ids is not None:
            media = await _attachments(uow, actor.member_id, data.media_ids, post.id)
            post.media.clear()
            await uow.session.flush()
            post.media.extend(media)
        if changed:
            post.edited_at = boards.clock()
            await uow.session.flush()
            member = await uow.session.get(BoardMember, actor.member_id)
            await search.index_post(uow, post, member.nickname if member else "")
        read = await post_read(uow, actor, post)
        await uow.commit()
    return read


async def delete_post(boards: Boards, actor: Actor, post_id: uuid.UUID) -> None:
    async with boards.uow() as uow:
        post = await visible_post(uow, actor, post_id, for_update=True)
        if post.author_id != actor.member_id:
            raise NotYourPost("Only the author deletes a post.")
        post.deleted_at = boards.clock()
        post.popularity = 0
        await search.unindex_post(uow, post.id)
        await uow.commit()


async def file_review_post(
    uow: UnitOfWork,
    *,
    post_id: uuid.UUID,
    author_id: uuid.UUID,
    meetup_id: uuid.UUID,
    title: str,
    content: str,
    media_ids: list[uuid.UUID],
    region_code: str,
    region_name: str | None,
    written_at: datetime,
) -> None:
    """A meetup's review post (meetup's MeetupReviewPostWritten) under 번개후기, as
    ``post_id``: a redelivery finds it there and changes nothing."""
    async with uow:
        if await uow.session.get(Post, post_id) is not None:
            return
        author = await uow.session.get(BoardMember, author_id)
        if author is None:
            author = BoardMember(member_id=author_id, nickname="")
            uow.session.add(author)
        # Attachments the author uploaded for it; any that are not theirs are left out.
        owned = set(
            await uow.session.scalars(
                select(Attachment.media_id).where(
                    Attachment.media_id.in_(media_ids), Attachment.owner_id == author_id
                )
            )
        )
        media = await _attachments(uow, author_id, [m for m in media_ids if m in owned], post_id)
        same_dong = author.region_code == region_code
        name = region_name or (author.region_name if same_dong else None) or ""
        await add_post(
            uow,
            post_id=post_id,
            author=author,
            category="meetup_review",
            title=title,
            content=content,
            media=media,
            region_code=region_code,
            region_name=name,
            at=written_at,
            meetup_id=meetup_id,
        )
        await uow.commit()
