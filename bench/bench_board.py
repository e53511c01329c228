"""Board benchmark: list p99 and search p99 with 100,000 posts, beside a primary-key read.

    uv run python bench/bench_board.py [--stack embedded|real|both] [--posts 100000] [--n 200]
        [--mariadb-url mysql+aiomysql://mungmo:mungmo@127.0.0.1:3307/]

The posts are inserted in bulk (with their search rows), then each figure is sampled
interleaved with the others: a primary-key read of one post, the first page and a deep
page (cursor) of a list, and searches for a word of three syllables (the index), a
two-syllable word inside longer words (산책 in 산책로: LIKE on SQLite, bigrams on
MariaDB) and two words. bench/README.md says what each figure means.
"""

import argparse
import asyncio
import json
import random
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert, make_url, select, text
from sqlalchemy.ext.asyncio import create_async_engine

from foundation.figures import Figures, Series
from mungmo.board import wiring as board_wiring
from mungmo.board.models import BoardMember, Post
from mungmo.board.service import Boards, list_posts, search_posts
from mungmo.board.service.search import post_search
from mungmo.platform.auth import Actor
from mungmo.platform.config import PlatformSettings
from mungmo.platform.db.migrations import upgrade_to_head
from mungmo.platform.ids import new_id
from mungmo.platform.metrics import Metrics
from mungmo.platform.pagination import PageRequest
from mungmo.platform.service import PlatformContext

RESULTS_DIR = Path(__file__).parent / "results"
WARM_UP = 5
PAGE = PageRequest(limit=20)
DONG = "1111051500"
WORDS = [
    "산책로", "한강공원", "강아지", "간식", "사료", "미용", "병원", "예방접종", "산책",
    "놀이터", "목줄", "배변", "훈련", "분리불안", "슬개골", "장난감", "하네스", "산책길",
    "동네", "친구", "번개", "주말", "날씨", "비오는날", "포메라니안", "말티즈", "푸들",
]  # fmt: skip


SYLLABLES = "가나다라마바사아자차카타파하고노도로모보소오조호구누두루무부수우주후기니디리미비시이지"


def _vocabulary(rng: random.Random, size: int = 5_000) -> list[str]:
    """Made-up words of 2–4 syllables, so that each real word above is in few posts."""
    return ["".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(size)]


def _options() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stack", choices=["embedded", "real", "both"], default="embedded")
    parser.add_argument("--posts", type=int, default=100_000)
    parser.add_argument("--n", type=int, default=200, help="samples per figure")
    parser.add_argument("--mariadb-url", default="mysql+aiomysql://mungmo:mungmo@127.0.0.1:3307/")
    return parser.parse_args()


class StackRun:
    def __init__(self, kind: str, scratch: Path, mariadb_url: str) -> None:
        self.kind = kind
        self.database_name = f"bench_{uuid.uuid4().hex[:8]}_board"
        self.mariadb_url = mariadb_url
        url = (
            f"sqlite+aiosqlite:///{scratch / 'board.db'}"
            if kind == "embedded"
            else make_url(mariadb_url).set(database=self.database_name).render_as_string(False)
        )
        context = PlatformContext(settings=PlatformSettings(data_dir=scratch), metrics=Metrics())
        self.module = board_wiring.build(context, board_wiring.BoardSettings(database_url=url))
        self.boards = next(d for d in self.module.dependencies if isinstance(d, Boards))

    async def start(self) -> None:
        await upgrade_to_head(self.module.database, self.module.migrations_dir)

    async def stop(self) -> None:
        await self.module.database.dispose()
        if self.kind == "real":
            engine = create_async_engine(self.mariadb_url)
            async with engine.begin() as connection:
                await connection.execute(text(f"DROP DATABASE IF EXISTS `{self.database_name}`"))
            await engine.dispose()


async def _fill(run: StackRun, count: int, rng: random.Random) -> tuple[Actor, list[uuid.UUID]]:
    """``count`` posts by 500 members of one 동, over the last 30 days, newest last."""
    authors = [uuid.uuid4() for _ in range(500)]
    start = datetime.now(UTC) - timedelta(days=30)
    ids: list[uuid.UUID] = []
    vocabulary = _vocabulary(rng)
    async with run.module.database.engine.begin() as connection:
        await connection.execute(
            insert(BoardMember),
            [
                {
                    "member_id": a,
                    "nickname": f"견주{n}",
                    "region_code": DONG,
                    "region_name": "청운효자동",
                }
                for n, a in enumerate(authors)
            ],
        )
    for offset in range(0, count, 2_000):
        posts, rows = [], []
        for n in range(offset, min(count, offset + 2_000)):
            post_id, author = new_id(), rng.choice(authors)
            title = " ".join([rng.choice(WORDS), *rng.sample(vocabulary, 3)])
            body = " ".join([*rng.sample(vocabulary, 28), *rng.sample(WORDS, 2)])
            posts.append(
                {
                    "id": post_id, "category": rng.choice(["topic", "humour", "dog_show"]),
                    "author_id": author, "title": title, "content": body,
                    "content_html": f"<p>{body}</p>", "region_code": DONG,
                    "district_code": DONG[:5], "region_name": "청운효자동",
                    "created_at": start + timedelta(seconds=n * 25), "comment_count": 0,
                    "view_count": 0, "popularity": 0,
                }
            )  # fmt: skip
            rows.append(
                {
                    "post_id": post_id.hex, "author_id": author.hex, "title": title,
                    "body": body, "nickname": f"견주{authors.index(author)}",
                }
            )  # fmt: skip
            ids.append(post_id)
        async with run.module.database.engine.begin() as connection:
            await connection.execute(insert(Post), posts)
            await connection.execute(insert(post_search), rows)
    return Actor(member_id=authors[0], session_id="bench", roles=frozenset({"member"})), ids


async def _timed(series: Series, call: Callable[[], Awaitable[object]]) -> None:
    started = time.perf_counter()
    await call()
    series.add(time.perf_counter() - started)


async def _reads(run: StackRun, actor: Actor, ids: list[uuid.UUID], n: int, figures: Figures,
                 rng: random.Random) -> None:  # fmt: skip
    boards = run.boards

    async def pk() -> object:
        async with boards.uow() as uow:
            return await uow.session.scalar(select(Post).where(Post.id == rng.choice(ids)))

    deep_cursor: list[str | None] = [None]
    page = await list_posts(boards, actor, PAGE, category=None, scope="dong")
    for _ in range(50):  # 50 pages in: the keyset cursor's cost does not grow
        page = await list_posts(
            boards, actor, PageRequest(cursor=page.next_cursor, limit=20), category=None,
            scope="dong",
        )  # fmt: skip
    deep_cursor[0] = page.next_cursor

    def search(query: str) -> Callable[[], Awaitable[object]]:
        return lambda: search_posts(boards, actor, PAGE, query=query, category=None, scope="all")

    kinds: list[tuple[str, str, Callable[[], Awaitable[object]]]] = [
        ("pk", "primary-key read (one post)", pk),
        ("list", "list: my 동, newest 20", lambda: list_posts(
            boards, actor, PAGE, category=None, scope="dong")),
        ("list.category", "list: one category, newest 20", lambda: list_posts(
            boards, actor, PAGE, category="humour", scope="all")),
        ("list.deep", "list: page 51 by cursor", lambda: list_posts(
            boards, actor, PageRequest(cursor=deep_cursor[0], limit=20), category=None,
            scope="dong")),
        ("search.word", "search: 예방접종 (index)", search("예방접종")),
        ("search.short", "search: 산책 (2 syllables, inside 산책로)", search("산책")),
        ("search.two", "search: 분리불안 슬개골", search("분리불안 슬개골")),
    ]  # fmt: skip
    for _ in range(WARM_UP):
        for _, _, call in kinds:
            await call()
    for _ in range(n):  # interleaved: load on the machine hits every figure alike
        for key, label, call in kinds:
            await _timed(figures.series_for(f"{run.kind}.{key}", label), call)


def _print(kinds: list[str], figures: Figures, fill: dict[str, float]) -> dict[str, Any]:
    summaries = figures.summaries()
    print(f"\n{'figure':50} {'n':>5} {'p50 ms':>9} {'p99 ms':>9} {'mean ms':>9}")
    for kind in kinds:
        print(
            f"-- {kind}: {fill[kind + '.posts']:,.0f} posts, filled in {fill[kind + '.s']:.0f} s --"
        )
        for key, summary in summaries.items():
            if key.startswith(kind + "."):
                print(
                    f"  {summary['label']:48} {summary['n']:>5} {summary['p50_ms']:>9.2f} "
                    f"{summary['p99_ms']:>9.2f} {summary['mean_ms']:>9.2f}"
                )
        pk = summaries[f"{kind}.pk"]
        for key in ("list", "list.deep", "search.word", "search.short", "search.two"):
            other = summaries[f"{kind}.{key}"]
            print(f"  p99 {other['label']:44} / pk read: {other['p99_ms'] / pk['p99_ms']:.1f}×")
    return summaries


async def main() -> None:
    options = _options()
    kinds = ["embedded", "real"] if options.stack == "both" else [options.stack]
    figures = Figures()
    fill: dict[str, float] = {}
    rng = random.Random(10)
    with tempfile.TemporaryDirectory() as scratch:
        for kind in kinds:
            (Path(scratch) / kind).mkdir()
            run = StackRun(kind, Path(scratch) / kind, options.mariadb_url)
            try:
                await run.start()
                started = time.perf_counter()
                actor, ids = await _fill(run, options.posts, rng)
                fill[f"{kind}.s"] = time.perf_counter() - started
                fill[f"{kind}.posts"] = len(ids)
                await _reads(run, actor, ids, options.n, figures, rng)
            finally:
                await run.stop()
    summaries = _print(kinds, figures, fill)
    RESULTS_DIR.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    out = RESULTS_DIR / f"board-{stamp}.json"
    out.write_text(json.dumps({"fill": fill, "figures": summaries}, indent=2))
    print(f"\nsamples: {out}")


if __name__ == "__main__":
    asyncio.run(main())
