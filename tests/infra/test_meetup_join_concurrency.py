"""500 members join one meetup at the same moment, as real HTTP requests to a real
server on MariaDB: the meetup is never overbooked, the waitlist is the rest in one
unbroken order, concurrent leaves promote exactly that many in order, and one member's
concurrent joins of overlapping meetups land one."""

import asyncio
import contextlib
import json
import socket
import time
import uuid
from collections import Counter
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import uvicorn
from fastapi import FastAPI
from sqlalchemy import func, select

from mungmo.identity.wiring import IdentitySettings
from mungmo.main import create_mungmo_app
from mungmo.meetup.models import Base, Meetup, Participation
from mungmo.platform.db import Database
from tests.support.app import FAST_ARGON2, RunningApp
from tests.support.meetup_app import MEETUPS, MeetupDriver, Member, meetup_body
from tests.support.polling import eventually
from tests.support.processes import serve
from tests.support.stack import KAFKA_BOOTSTRAP, Stack, open_stack

JOINERS = 500
CAPACITY = 30  # the host takes one place
LEAVERS = 10


class _Server(uvicorn.Server):
    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield  # the test runner owns the process's signals


@asynccontextmanager
async def identity_only(stack: Stack) -> AsyncIterator[RunningApp]:
    """Identity alone: it signs the members' tokens and serves its JWKS."""
    identity: dict[str, Any] = {"database_url": stack.database_url("identity"), **FAST_ARGON2}
    app = create_mungmo_app(
        stack.platform_settings(),
        ["identity"],
        service_settings={
            "identity": IdentitySettings(**identity),
        },
    )
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://x") as client,
    ):
        yield RunningApp(app=app, client=client)


@asynccontextmanager
async def serving(app: FastAPI) -> AsyncIterator[str]:
    """The app (already started) behind a real socket; yields its base URL."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    server = _Server(
        uvicorn.Config(app, log_config=None, access_log=False, lifespan="off", backlog=2048)
    )
    task = asyncio.create_task(server.serve(sockets=[listener]))

    async def started() -> bool:
        if task.done():
            task.result()
        return server.started

    try:
        await eventually(started, timeout=10)
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        server.should_exit = True
        await task
        listener.close()


async def test_500_concurrent_joins_never_overbook(tmp_path: Path) -> None:
    """The meetup service runs alone in its own process (``mungmo serve meetup``), so
    the server and the 500 clients do not share one event loop; this process runs
    identity only to sign the members' tokens (the server reads its JWKS)."""
    async with (
        open_stack("real", tmp_path) as stack,
        identity_only(stack) as app,
        serving(app.app) as identity_url,
    ):
        meetup_url = stack.database_url("meetup")
        env = {
            "MUNGMO_EVENTS_TRANSPORT": "kafka",
            "MUNGMO_KAFKA_BOOTSTRAP_SERVERS": KAFKA_BOOTSTRAP,
            "MUNGMO_KAFKA_TOPIC_PREFIX": stack.topic_prefix,
            "MUNGMO_MEETUP_DATABASE_URL": meetup_url,
            "MUNGMO_AUTH_JWKS_URL": f"{identity_url}/.well-known/jwks.json",
            "MUNGMO_WRITE_RATE_PER_MINUTE": "100000",
            "MUNGMO_LOG_JSON": "true",
        }
        async with (
            serve("meetup", env, tmp_path) as url,
            httpx.AsyncClient(
                base_url=url, timeout=60, limits=httpx.Limits(max_connections=JOINERS)
            ) as http,
        ):
            database = Database(meetup_url, Base.metadata, name="meetup")
            try:
                await _joins_and_leaves(MeetupDriver(app, stack.topic_prefix), http, database)
            finally:
                await database.dispose()


async def _member(driver: MeetupDriver, http: httpx.AsyncClient, nickname: str) -> Member:
    """A member with a verified 동, once the serving process has heard of it."""
    member = await driver.member(nickname, wait=False)

    async def known() -> bool:
        response = await http.get(f"{MEETUPS}/settings", headers=member.headers)
        return response.status_code == 200 and response.json()["my_region_code"] is not None

    await eventually(known, timeout=30)
    return member


async def _create(http: httpx.AsyncClient, host: Member, capacity: int) -> str:
    response = await http.post(MEETUPS, json=meetup_body(capacity=capacity), headers=host.headers)
    assert response.status_code == 201, response.text
    meetup_id: str = response.json()["id"]
    return meetup_id


async def _joins_and_leaves(
    driver: MeetupDriver, http: httpx.AsyncClient, database: Database
) -> None:
    host = await _member(driver, http, "호스트")
    meetup_id = await _create(http, host, CAPACITY)
    joiners = [uuid.uuid4() for _ in range(JOINERS)]
    tokens = {member: driver.headers(member) for member in joiners}

    async def join(member: uuid.UUID) -> httpx.Response:
        return await http.post(f"{MEETUPS}/{meetup_id}/participants/me", headers=tokens[member])

    started = time.perf_counter()
    responses = await asyncio.gather(*(join(member) for member in joiners))
    print(f"{JOINERS} concurrent joins: {time.perf_counter() - started:.2f} s")
    assert Counter(r.status_code for r in responses) == {201: JOINERS}
    outcome = {m: r.json() for m, r in zip(joiners, responses, strict=True)}
    joined = [m for m in joiners if outcome[m]["status"] == "joined"]
    waiting = sorted(
        (m for m in joiners if outcome[m]["status"] == "waitlisted"),
        key=lambda m: outcome[m]["position"],
    )
    assert len(joined) == CAPACITY - 1
    assert len(waiting) == JOINERS - CAPACITY + 1
    # At the moment each joined, the positions it was told were 1, 2, 3, …
    assert [outcome[m]["position"] for m in waiting] == list(range(1, len(waiting) + 1))
    assert max(r.json()["meetup"]["taken"] for r in responses) == CAPACITY

    async with database.session() as session:
        meetup = await session.get(Meetup, uuid.UUID(meetup_id))
        assert meetup is not None and meetup.taken == CAPACITY
        taking_part = await session.scalar(
            select(func.count()).where(
                Participation.meetup_id == meetup.id,
                Participation.status.in_(("host", "joined")),
            )
        )
        assert taking_part == CAPACITY
        promoted = await session.scalar(
            select(func.count()).where(
                database.messaging.outbox.c.event_type == "meetup.WaitlistPromoted"
            )
        )
        assert promoted == 0

    # Ten leave at once: exactly the first ten on the waitlist take their places.
    leaving = await asyncio.gather(
        *(
            http.delete(f"{MEETUPS}/{meetup_id}/participants/me", headers=tokens[member])
            for member in joined[:LEAVERS]
        )
    )
    assert [r.status_code for r in leaving] == [200] * LEAVERS
    async with database.session() as session:
        told = await session.scalars(
            select(database.messaging.outbox.c.payload).where(
                database.messaging.outbox.c.event_type == "meetup.WaitlistPromoted"
            )
        )
        promoted_ids = sorted(json.loads(payload)["member_id"] for payload in told)
    assert promoted_ids == sorted(str(m) for m in waiting[:LEAVERS])
    detail = (await http.get(f"{MEETUPS}/{meetup_id}", headers=host.headers)).json()
    assert (detail["taken"], detail["waitlisted"]) == (CAPACITY, len(waiting) - LEAVERS)
    next_up = [p for p in detail["participants"] if p["role"] == "waitlisted"][:3]
    assert [(p["member_id"], p["position"]) for p in next_up] == [
        (str(m), n + 1) for n, m in enumerate(waiting[LEAVERS : LEAVERS + 3])
    ]

    # One member joining five overlapping meetups at once lands in exactly one.
    others = [await _member(driver, http, f"호스트{n}") for n in range(5)]
    overlapping = [await _create(http, other, 5) for other in others]
    eager = uuid.uuid4()
    tries = await asyncio.gather(
        *(
            http.post(f"{MEETUPS}/{m}/participants/me", headers=driver.headers(eager))
            for m in overlapping
        )
    )
    assert sorted(r.status_code for r in tries) == [201, 409, 409, 409, 409]
    assert {r.json()["code"] for r in tries if r.status_code == 409} == {"meetup.time_conflict"}
