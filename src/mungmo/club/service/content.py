"""The notice board (owner-admin and managers post, pinned notices first), the free
board (every member posts) and the album. Authors, the owner-admin and managers delete."""

import uuid
from datetime import datetime

from sqlalchemy import select

from mungmo.club.domain import Action, Role, may_delete
from mungmo.club.errors import AlbumPhotoNotFound, NotAllowed, PostNotFound
from mungmo.club.models import AlbumPhoto, Post
from mungmo.club.schemas.content import (
    AlbumPage,
    AlbumPhotoCreate,
    AlbumPhotoRead,
    BoardName,
    ClubPostCreate,
    ClubPostPage,
    ClubPostRead,
)
from mungmo.club.service.clubs import check_upload
from mungmo.club.service.context import Clubs
from mungmo.club.service.queries import hidden_from, nicknames, require
from mungmo.contracts.media import media_urls
from mungmo.platform.auth import Actor
from mungmo.platform.pagination import Keyset, PageRequest, SortKey

# Pinned notices first, then newest.
PINNED_THEN_NEWEST = Keyset(
    (
        SortKey(Post.pinned, int, descending=True),
        SortKey(Post.created_at, datetime, descending=True),
        SortKey(Post.id, uuid.UUID),
    )
)
NEWEST_PHOTOS = Keyset(
    (SortKey(AlbumPhoto.created_at, datetime, descending=True), SortKey(AlbumPhoto.id, uuid.UUID))
)


def _post_read(post: Post, names: dict[uuid.UUID, str], actor: Actor, role: Role) -> ClubPostRead:
    return ClubPostRead(
        id=post.id,
        club_id=post.club_id,
        board=post.board,
        author_id=post.author_id,
        author_nickname=names.get(post.author_id, ""),
        title=post.title,
        body=post.body,
        pinned=post.pinned,
        created_at=post.created_at,
        can_delete=may_delete(role, is_author=post.author_id == actor.member_id),
    )


async def create_post(
    clubs: Clubs, actor: Actor, club_id: uuid.UUID, data: ClubPostCreate
) -> ClubPostRead:
    action = Action.POST_NOTICE if data.board == "notice" else Action.POST_FREE
    async with clubs.uow() as uow:
        role = await require(uow, club_id, actor.member_id, action)
        post = Post(
            id=uuid.uuid4(),
            club_id=club_id,
            board=data.board,
            author_id=actor.member_id,
            title=data.title,
            body=data.body,
            pinned=False,
            created_at=uow.clock(),
        )
        uow.session.add(post)
        read = _post_read(post, await nicknames(uow, [actor.member_id]), actor, role)
        await uow.commit()
    return read


async def list_posts(
    clubs: Clubs, actor: Actor, club_id: uuid.UUID, board: BoardName, page: PageRequest
) -> ClubPostPage:
    async with clubs.uow() as uow:
        role = await require(uow, club_id, actor.member_id, Action.READ_CONTENT)
        hidden = await hidden_from(uow, actor.member_id)
        statement = select(Post).where(Post.club_id == club_id, Post.board == board)
        if hidden:
            statement = statement.where(Post.author_id.not_in(hidden))
        rows = list(await uow.session.scalars(PINNED_THEN_NEWEST.select_page(statement, page)))
        names = await nicknames(uow, [p.author_id for p in rows])
        return PINNED_THEN_NEWEST.page(
            rows,
            page,
            key=lambda p: (int(p.pinned), p.created_at, p.id),
            read=lambda p: _post_read(p, names, actor, role),
            into=ClubPostPage,
        )


async def delete_post(clubs: Clubs, actor: Actor, club_id: uuid.UUID, post_id: uuid.UUID) -> None:
    async with clubs.uow() as uow:
        role = await require(uow, club_id, actor.member_id, Action.READ_CONTENT)
        post = await uow.session.get(Post, post_id)
        if post is None or post.club_id != club_id:
            raise PostNotFound("This post does not exist.")
        if not may_delete(role, is_author=post.author_id == actor.member_id):
            raise NotAllowed("Only its author, the owner-admin and managers delete a post.")
        await uow.session.delete(post)
        await uow.commit()


async def pin_post(
    clubs: Clubs, actor: Actor, club_id: uuid.UUID, post_id: uuid.UUID, *, pinned: bool
) -> ClubPostRead:
    async with clubs.uow() as uow:
        role = await require(uow, club_id, actor.member_id, Action.PIN_NOTICE)
        post = await uow.session.get(Post, post_id)
        if post is None or post.club_id != club_id or post.board != "notice":
            raise PostNotFound("Only a notice of this club is pinned.")
        post.pinned = pinned
        read = _post_read(post, await nicknames(uow, [post.author_id]), actor, role)
        await uow.commit()
    return read


def _photo_read(
    photo: AlbumPhoto, names: dict[uuid.UUID, str], actor: Actor, role: Role
) -> AlbumPhotoRead:
    urls = media_urls(photo.media_id)
    return AlbumPhotoRead(
        id=photo.id,
        club_id=photo.club_id,
        uploader_id=photo.uploader_id,
        uploader_nickname=names.get(photo.uploader_id, ""),
        caption=photo.caption,
        url=urls.file,
        thumbnail_url=urls.thumbnail,
        created_at=photo.created_at,
        can_delete=may_delete(role, is_author=photo.uploader_id == actor.member_id),
    )


async def add_photo(
    clubs: Clubs, actor: Actor, club_id: uuid.UUID, data: AlbumPhotoCreate
) -> AlbumPhotoRead:
    async with clubs.uow() as uow:
        role = await require(uow, club_id, actor.member_id, Action.UPLOAD_PHOTO)
        await check_upload(uow, actor, data.media_id)
        photo = AlbumPhoto(
            id=uuid.uuid4(),
            club_id=club_id,
            media_id=data.media_id,
            uploader_id=actor.member_id,
            caption=data.caption,
            created_at=uow.clock(),
        )
        uow.session.add(photo)
        read = _photo_read(photo, await nicknames(uow, [actor.member_id]), actor, role)
        await uow.commit()
    return read


async def list_photos(
    clubs: Clubs, actor: Actor, club_id: uuid.UUID, page: PageRequest
) -> AlbumPage:
    async with clubs.uow() as uow:
        role = await require(uow, club_id, actor.member_id, Action.READ_CONTENT)
        hidden = await hidden_from(uow, actor.member_id)
        statement = select(AlbumPhoto).where(AlbumPhoto.club_id == club_id)
        if hidden:
            statement = statement.where(AlbumPhoto.uploader_id.not_in(hidden))
        rows = list(await uow.session.scalars(NEWEST_PHOTOS.select_page(statement, page)))
        names = await nicknames(uow, [p.uploader_id for p in rows])
        return NEWEST_PHOTOS.page(
            rows,
            page,
            key=lambda p: (p.created_at, p.id),
            read=lambda p: _photo_read(p, names, actor, role),
            into=AlbumPage,
        )


async def delete_photo(clubs: Clubs, actor: Actor, club_id: uuid.UUID, photo_id: uuid.UUID) -> None:
    async with clubs.uow() as uow:
        role = await require(uow, club_id, actor.member_id, Action.READ_CONTENT)
        photo = await uow.session.get(AlbumPhoto, photo_id)
        if photo is None or photo.club_id != club_id:
            raise AlbumPhotoNotFound("This photo is not in the album.")
        if not may_delete(role, is_author=photo.uploader_id == actor.member_id):
            raise NotAllowed("Only its uploader, the owner-admin and managers delete a photo.")
        await uow.session.delete(photo)
        await uow.commit()
