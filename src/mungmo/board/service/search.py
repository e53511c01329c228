"""Korean search over titles, content and authors' nicknames.

The index is the table ``post_search`` (not mapped; the migrations create it per
database). On SQLite it is an FTS5 table with the trigram tokenizer: a word of three or
more characters is found inside longer words (산책로 in 산책로가) and ranked with bm25.
On MariaDB it is a Mroonga table with a FULLTEXT index over bigrams (Groonga's
TokenBigram): InnoDB FULLTEXT has no n-gram parser in MariaDB. Words too short for the
index (one or two characters on SQLite, such as 산책; one on MariaDB) are matched with
LIKE on the same table. Mroonga does not take part in transactions: a rolled-back write
can leave an index row, which the join with ``posts`` never shows."""

import uuid

from sqlalchemy import (
    ColumnElement,
    Select,
    TextClause,
    and_,
    column,
    delete,
    insert,
    literal_column,
    or_,
    table,
    text,
    update,
)

from mungmo.board.domain.content import plain_text
from mungmo.board.models import SEARCH_TABLE, Post
from mungmo.platform.db import UnitOfWork

post_search = table(
    SEARCH_TABLE,
    column("post_id"),
    column("author_id"),
    column("title"),
    column("body"),
    column("nickname"),
)
# Shorter words than this cannot use the index and are matched with LIKE.
SHORTEST_INDEXED = {"sqlite": 3, "mysql": 2}


async def index_post(uow: UnitOfWork, post: Post, nickname: str) -> None:
    """(Re)writes the post's row in the index."""
    await unindex_post(uow, post.id)
    await uow.session.execute(
        insert(post_search).values(
            post_id=post.id.hex,
            author_id=post.author_id.hex,
            title=post.title,
            body=plain_text(post.content),
            nickname=nickname,
        )
    )


async def unindex_post(uow: UnitOfWork, post_id: uuid.UUID) -> None:
    await uow.session.execute(delete(post_search).where(post_search.c.post_id == post_id.hex))


async def rename_author(uow: UnitOfWork, author_id: uuid.UUID, nickname: str) -> None:
    await uow.session.execute(
        update(post_search)
        .where(post_search.c.author_id == author_id.hex)
        .values(nickname=nickname)
    )


def _like(term: str) -> ColumnElement[bool]:
    pattern = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    return or_(
        *(post_search.c[name].like(pattern, escape="\\") for name in ("title", "body", "nickname"))
    )


def _quoted(term: str) -> str:
    return '"' + term.replace('"', "") + '"'


def ranked(uow: UnitOfWork, statement: Select[Post], terms: list[str]) -> Select[Post]:
    """``statement`` (posts) narrowed to those matching every term, best first."""
    dialect = "sqlite" if uow.database.is_sqlite else "mysql"
    indexed = [term for term in terms if len(term) >= SHORTEST_INDEXED[dialect]]
    short = [term for term in terms if len(term) < SHORTEST_INDEXED[dialect]]
    joined = statement.join(post_search, post_search.c.post_id == Post.id)
    conditions: list[ColumnElement[bool] | TextClause] = [_like(term) for term in short]
    order: list[ColumnElement[object] | TextClause] = []
    if indexed and dialect == "sqlite":
        fts_query = " ".join(_quoted(term) for term in indexed)
        conditions.append(text("post_search MATCH :fts_query").bindparams(fts_query=fts_query))
        # bm25 is smaller for better matches; weights: title 10, body 1, nickname 2.
        order.append(literal_column("bm25(post_search, 0, 0, 10.0, 1.0, 2.0)"))
    elif indexed:
        query = "*W1:10,2:1,3:2 " + " ".join("+" + _quoted(term) for term in indexed)
        against = "MATCH (post_search.title, post_search.body, post_search.nickname) AGAINST"
        conditions.append(text(f"{against} (:ft_where IN BOOLEAN MODE)").bindparams(ft_where=query))
        order.append(text(f"{against} (:ft_order IN BOOLEAN MODE) DESC").bindparams(ft_order=query))
    return joined.where(and_(*conditions)).order_by(*order, Post.created_at.desc(), Post.id.desc())
