"""1,000 members like one post at the same moment, as real HTTP requests to ``mungmo
serve board`` (its own process) on MariaDB and Kafka, 100 in flight at any moment, 200
members clicking twice at once: the count is exactly 1,000, with one like row and one
PostLiked event per member."""

import asyncio
import time
import uuid
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import func, select

from mungmo.board.models import Base, Post, PostLike
from mungmo.contracts.identity import AccountRegistered
from mungmo.contracts.member import NeighbourhoodVerified
from mungmo.identity.wiring import IdentitySettings
from mungmo.main import create_mungmo_app
from mungmo.platform.clock import utc_now
from mungmo.platform.db import Database
from tests.support.app import FAST_ARGON2, RunningApp
from tests.support.board_app import BASE, serving
from tests.support.foreign_events import publish_event
from tests.support.polling import eventually
from tests.support.processes import serve
from tests.support.regions import CHEONGUN_HYOJA
from tests.support.stack import KAFKA_BOOTSTRAP, Stack, open_stack

LIKERS = 1_000
TWICE = 200
# Requests in flight at once: the server (2 CPUs shared with the broker and the
# database) must answer each within its 30 s wait for a database connection.
IN_FLIGHT = 100


@asynccontextmanager
async def identity_only(stack: Stack) -> AsyncIterator[RunningApp]:
    """Identity alone: it signs the members' tokens and serves its JWKS."""
    settings: dict[str, Any] = {"database_url": stack.database_url("identity"), **FAST_ARGON2}
    app = create_mungmo_app(
        stack.platform_settings(),
        ["identity"],
        service_settings={"identity": IdentitySettings(**settings)},
    )
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://x") as client,
    ):
        yield RunningApp(app=app, client=client)


def _headers(app: RunningApp, member_id: uuid.UUID) -> dict[str, str]:
    signer = next(d.signer for d in app.app.state.dependencies.values() if hasattr(d, "signer"))
    token = signer.issue(
        account_id=member_id,
        session_id=uuid.uuid4(),
        roles=["member"],
        now=utc_now(),
        ttl=timedelta(minutes=30),
        onboarded=True,
    )
    return {"Authorization": f"Bearer {token}"}


async def test_a_thousand_concurrent_likes_count_exactly(tmp_path: Path) -> None:
    async with (
        open_stack("real", tmp_path) as stack,
        identity_only(stack) as app,
        serving(app.app) as identity_url,
    ):
        board_url = stack.database_url("board")
        env = {
            "MUNGMO_EVENTS_TRANSPORT": "kafka",
            "MUNGMO_KAFKA_BOOTSTRAP_SERVERS": KAFKA_BOOTSTRAP,
            "MUNGMO_KAFKA_TOPIC_PREFIX": stack.topic_prefix,
            "MUNGMO_BOARD_DATABASE_URL": board_url,
            "MUNGMO_AUTH_JWKS_URL": f"{identity_url}/.well-known/jwks.json",
            "MUNGMO_WRITE_RATE_PER_MINUTE": "100000",
        }
        async with (
            serve("board", env, tmp_path) as url,
            httpx.AsyncClient(
                base_url=url,
                timeout=120,
                # No keep-alive: a reused connection can meet the server closing it.
                limits=httpx.Limits(max_connections=IN_FLIGHT, max_keepalive_connections=0),
            ) as http,
        ):
            database = Database(board_url, Base.metadata, name="board")
            try:
                await _likes(app, stack, http, database)
            finally:
                await database.dispose()


async def _author(
    app: RunningApp, stack: Stack, http: httpx.AsyncClient
) -> tuple[dict[str, str], str]:
    """A member the board knows (nickname, verified 동), and their post."""
    author = uuid.uuid4()
    now = utc_now()
    transport = app.runtime.transport
    registered = AccountRegistered(account_id=author, nickname="좋아요왕", registered_at=now)
    verified = NeighbourhoodVerified(
        member_id=author,
        region_code=CHEONGUN_HYOJA,
        region_name="서울특별시 종로구 청운효자동",
        verified_at=now,
        expires_at=now + timedelta(days=30),
    )
    for event in (registered, verified):
        await publish_event(transport, event, key=author, topic_prefix=stack.topic_prefix)
    headers = _headers(app, author)
    body = {"category": "dog_show", "title": "좋아요 눌러 주세요", "content": "콩이"}

    async def posted() -> httpx.Response:
        return await http.post(f"{BASE}/posts", json=body, headers=headers)

    response = await eventually(posted, until=lambda r: r.status_code == 201, timeout=60)
    post_id: str = response.json()["id"]
    return headers, post_id


async def _likes(
    app: RunningApp, stack: Stack, http: httpx.AsyncClient, database: Database
) -> None:
    author, post_id = await _author(app, stack, http)
    likers = [uuid.uuid4() for _ in range(LIKERS)]
    headers = {member: _headers(app, member) for member in likers}
    # Each double click's two requests go out side by side.
    clicks = [m for member in likers[:TWICE] for m in (member, member)] + likers[TWICE:]
    gate = asyncio.Semaphore(IN_FLIGHT)

    async def like(member: uuid.UUID) -> httpx.Response:
        async with gate:
            return await http.put(f"{BASE}/posts/{post_id}/like", headers=headers[member])

    started = time.perf_counter()
    responses = await asyncio.gather(*(like(member) for member in clicks))
    print(f"{len(clicks)} concurrent likes: {time.perf_counter() - started:.2f} s")
    assert Counter(r.status_code for r in responses) == {200: len(clicks)}
    assert all(r.json()["liked"] for r in responses)
    assert max(r.json()["like_count"] for r in responses) == LIKERS

    async with database.session() as session:
        post = await session.get(Post, uuid.UUID(post_id))
        rows = await session.scalar(
            select(func.count()).select_from(PostLike).where(PostLike.post_id == uuid.UUID(post_id))
        )
        liked_events = await session.scalar(
            select(func.count()).where(database.messaging.outbox.c.event_type == "board.PostLiked")
        )
    assert post is not None
    assert rows == LIKERS
    assert liked_events == LIKERS
    read = await http.get(f"{BASE}/posts/{post_id}", headers=author)
    assert read.json()["like_count"] == LIKERS
