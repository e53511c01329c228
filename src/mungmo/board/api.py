"""Board HTTP API: posts, comments, likes, 인기글, search and moderation."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, status

from mungmo.board import service
from mungmo.board.schemas import (
    CommentCreate,
    CommentPage,
    CommentRead,
    CommentUpdate,
    HideRequest,
    LikeRead,
    ModerationPage,
    PostCreate,
    PostPage,
    PostRead,
    PostUpdate,
    Scope,
    SearchPage,
)
from mungmo.board.service import Boards
from mungmo.contracts.board import Category
from mungmo.platform.auth import CurrentAdmin, CurrentMember
from mungmo.platform.pagination import PageParams
from mungmo.platform.service import provide

router = APIRouter(tags=["board"])

BoardsDep = Annotated[Boards, Depends(provide(Boards))]
ScopeParam = Annotated[
    Scope, Query(description="내 동네 (dong), 내 시/군/구 (district) or everywhere (all).")
]
CategoryParam = Annotated[Category | None, Query(description="One category; all when left out.")]
BASE = "/api/v1/board"


@router.get(BASE + "/posts")
async def list_posts(
    actor: CurrentMember,
    boards: BoardsDep,
    page: PageParams,
    category: CategoryParam = None,
    scope: ScopeParam = "all",
) -> PostPage:
    return await service.list_posts(boards, actor, page, category=category, scope=scope)


@router.get(BASE + "/popular")
async def list_popular(
    actor: CurrentMember, boards: BoardsDep, page: PageParams, scope: ScopeParam = "all"
) -> PostPage:
    """인기글: computed from recent likes, comments and views (docs/board.md)."""
    return await service.list_popular(boards, actor, page, scope=scope)


@router.get(BASE + "/search")
async def search_posts(
    actor: CurrentMember,
    boards: BoardsDep,
    page: PageParams,
    q: Annotated[str, Query(min_length=1, max_length=100)],
    category: CategoryParam = None,
    scope: ScopeParam = "all",
) -> SearchPage:
    """Posts whose title, content or author's nickname hold every word, best first."""
    return await service.search_posts(boards, actor, page, query=q, category=category, scope=scope)


@router.post(BASE + "/posts", status_code=status.HTTP_201_CREATED)
async def create_post(body: PostCreate, actor: CurrentMember, boards: BoardsDep) -> PostRead:
    return await service.create_post(boards, actor, body)


@router.get(BASE + "/posts/{post_id}")
async def get_post(post_id: uuid.UUID, actor: CurrentMember, boards: BoardsDep) -> PostRead:
    return await service.get_post(boards, actor, post_id)


@router.patch(BASE + "/posts/{post_id}")
async def update_post(
    post_id: uuid.UUID, body: PostUpdate, actor: CurrentMember, boards: BoardsDep
) -> PostRead:
    return await service.update_post(boards, actor, post_id, body)


@router.delete(BASE + "/posts/{post_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_post(post_id: uuid.UUID, actor: CurrentMember, boards: BoardsDep) -> None:
    await service.delete_post(boards, actor, post_id)


@router.put(BASE + "/posts/{post_id}/like")
async def like_post(post_id: uuid.UUID, actor: CurrentMember, boards: BoardsDep) -> LikeRead:
    """Idempotent: liking again changes nothing."""
    return await service.like_post(boards, actor, post_id)


@router.delete(BASE + "/posts/{post_id}/like")
async def unlike_post(post_id: uuid.UUID, actor: CurrentMember, boards: BoardsDep) -> LikeRead:
    return await service.unlike_post(boards, actor, post_id)


@router.get(BASE + "/posts/{post_id}/comments")
async def list_comments(
    post_id: uuid.UUID, actor: CurrentMember, boards: BoardsDep, page: PageParams
) -> CommentPage:
    """Oldest thread first, each comment followed by its replies."""
    return await service.list_comments(boards, actor, post_id, page)


@router.post(BASE + "/posts/{post_id}/comments", status_code=status.HTTP_201_CREATED)
async def write_comment(
    post_id: uuid.UUID, body: CommentCreate, actor: CurrentMember, boards: BoardsDep
) -> CommentRead:
    return await service.write_comment(boards, actor, post_id, body)


@router.patch(BASE + "/comments/{comment_id}")
async def update_comment(
    comment_id: uuid.UUID, body: CommentUpdate, actor: CurrentMember, boards: BoardsDep
) -> CommentRead:
    return await service.update_comment(boards, actor, comment_id, body)


@router.delete(BASE + "/comments/{comment_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_comment(comment_id: uuid.UUID, actor: CurrentMember, boards: BoardsDep) -> None:
    await service.delete_comment(boards, actor, comment_id)


@router.put(BASE + "/comments/{comment_id}/like")
async def like_comment(comment_id: uuid.UUID, actor: CurrentMember, boards: BoardsDep) -> LikeRead:
    return await service.like_comment(boards, actor, comment_id)


@router.delete(BASE + "/comments/{comment_id}/like")
async def unlike_comment(
    comment_id: uuid.UUID, actor: CurrentMember, boards: BoardsDep
) -> LikeRead:
    return await service.unlike_comment(boards, actor, comment_id)


@router.post(BASE + "/admin/posts/{post_id}/hide", status_code=status.HTTP_204_NO_CONTENT)
async def hide_post(
    post_id: uuid.UUID, body: HideRequest, actor: CurrentAdmin, boards: BoardsDep
) -> None:
    await service.set_post_hidden(boards, actor, post_id, hidden=True, reason=body.reason)


@router.post(BASE + "/admin/posts/{post_id}/show", status_code=status.HTTP_204_NO_CONTENT)
async def show_post(
    post_id: uuid.UUID, body: HideRequest, actor: CurrentAdmin, boards: BoardsDep
) -> None:
    await service.set_post_hidden(boards, actor, post_id, hidden=False, reason=body.reason)


@router.post(BASE + "/admin/comments/{comment_id}/hide", status_code=status.HTTP_204_NO_CONTENT)
async def hide_comment(
    comment_id: uuid.UUID, body: HideRequest, actor: CurrentAdmin, boards: BoardsDep
) -> None:
    await service.set_comment_hidden(boards, actor, comment_id, hidden=True, reason=body.reason)


@router.post(BASE + "/admin/comments/{comment_id}/show", status_code=status.HTTP_204_NO_CONTENT)
async def show_comment(
    comment_id: uuid.UUID, body: HideRequest, actor: CurrentAdmin, boards: BoardsDep
) -> None:
    await service.set_comment_hidden(boards, actor, comment_id, hidden=False, reason=body.reason)


@router.get(BASE + "/admin/moderation-log")
async def moderation_log(
    actor: CurrentAdmin, boards: BoardsDep, page: PageParams
) -> ModerationPage:
    return await service.moderation_log(boards, page)
