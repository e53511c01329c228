"""Lists of posts: a category's newest first, 인기글, and ranked search results."""

import uuid
from datetime import datetime

from mungmo.board.domain.search import search_terms
from mungmo.board.errors import SearchQueryInvalid
from mungmo.board.models import Post
from mungmo.board.schemas import PostPage, Scope, SearchPage
from mungmo.board.service import search
from mungmo.board.service.context import Boards
from mungmo.board.service.queries import in_scope, listed_posts, summaries
from mungmo.contracts.board import Category
from mungmo.platform.auth import Actor
from mungmo.platform.pagination import (
    Keyset,
    PageRequest,
    SortKey,
    decode_cursor,
    encode_cursor,
)

NEWEST_FIRST = Keyset(
    (
        SortKey(Post.created_at, datetime, descending=True),
        SortKey(Post.id, uuid.UUID, descending=True),
    )
)
# 인기글: the job's last ranking (popularity in thousandths, so the cursor keeps ints).
MOST_POPULAR = Keyset(
    (
        SortKey(Post.popularity, int, descending=True),
        SortKey(Post.id, uuid.UUID, descending=True),
    )
)


async def list_posts(
    boards: Boards, actor: Actor, page: PageRequest, *, category: Category | None, scope: Scope
) -> PostPage:
    async with boards.uow() as uow:
        statement = listed_posts(actor.member_id)
        if category is not None:
            statement = statement.where(Post.category == category)
        statement = await in_scope(uow, statement, actor.member_id, scope)
        posts = list((await uow.session.scalars(NEWEST_FIRST.select_page(statement, page))).all())
        shown = posts[: page.limit]
        reads = await summaries(uow, shown)
        more = len(posts) > page.limit
        cursor = encode_cursor((shown[-1].created_at, shown[-1].id)) if more else None
        return PostPage(items=reads, next_cursor=cursor)


async def list_popular(
    boards: Boards, actor: Actor, page: PageRequest, *, scope: Scope
) -> PostPage:
    """Posts at or above the policy's minimum popularity, most popular first."""
    async with boards.uow() as uow:
        statement = listed_posts(actor.member_id).where(
            Post.popularity >= round(boards.policy.popularity.min_popularity * 1000)
        )
        statement = await in_scope(uow, statement, actor.member_id, scope)
        posts = list((await uow.session.scalars(MOST_POPULAR.select_page(statement, page))).all())
        shown = posts[: page.limit]
        reads = await summaries(uow, shown)
        more = len(posts) > page.limit
        cursor = encode_cursor((shown[-1].popularity, shown[-1].id)) if more else None
        return PostPage(items=reads, next_cursor=cursor)


async def search_posts(
    boards: Boards,
    actor: Actor,
    page: PageRequest,
    *,
    query: str,
    category: Category | None,
    scope: Scope,
) -> SearchPage:
    """Posts matching every word of ``query`` in title, content or author nickname, best
    first. The cursor is the position in the ranking."""
    terms = search_terms(query)
    if not terms:
        raise SearchQueryInvalid("Type at least one word.")
    position = decode_cursor(page.cursor, [int])[0] if page.cursor else 0
    offset = position if isinstance(position, int) else 0
    async with boards.uow() as uow:
        statement = listed_posts(actor.member_id)
        if category is not None:
            statement = statement.where(Post.category == category)
        statement = await in_scope(uow, statement, actor.member_id, scope)
        ranked = search.ranked(uow, statement, terms).offset(offset).limit(page.limit + 1)
        posts = list((await uow.session.scalars(ranked)).all())
        shown = posts[: page.limit]
        reads = await summaries(uow, shown, terms)
        more = len(posts) > page.limit
        cursor = encode_cursor((offset + len(shown),)) if more else None
        return SearchPage(items=reads, next_cursor=cursor, terms=terms)
