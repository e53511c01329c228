"""RSVPs racing for the last places of a schedule on MariaDB, as real concurrent HTTP
requests to a served app: exactly the capacity gets in, the rest are told it is full,
and the stored count equals the RSVP rows."""

import asyncio
import uuid
from pathlib import Path

import httpx
from sqlalchemy import func, select

from mungmo.club.models import Rsvp, Schedule
from tests.integration.club.driver import ClubDriver
from tests.integration.club.live import serving
from tests.support.app import running_app
from tests.support.stack import Stack

CAPACITY = 10
RACERS = 40


async def test_concurrent_rsvps_never_pass_the_capacity(tmp_path: Path) -> None:
    stack = Stack(kind="real", data_dir=tmp_path)
    try:
        async with running_app(stack, club={"clubs_per_hour": 100}) as app:
            clubs = ClubDriver(app, stack.topic_prefix)
            (owner,) = await clubs.people("동시성관리자")
            club = await clubs.create_club(owner)
            racers = [clubs.anyone() for _ in range(RACERS)]
            for person in racers:
                await clubs.join(club["id"], person)
            (schedule,) = await clubs.schedule(club["id"], owner, capacity=CAPACITY)
            url = f"/api/v1/clubs/{club['id']}/schedules/{schedule['id']}/rsvp"
            async with (
                serving(app.app) as base,
                httpx.AsyncClient(base_url=base.replace("ws://", "http://"), timeout=30) as http,
            ):
                start = asyncio.Event()

                async def race(headers: dict[str, str]) -> httpx.Response:
                    await start.wait()
                    return await http.put(url, headers=headers)

                tasks = [asyncio.create_task(race(p.headers)) for p in racers]
                start.set()
                responses = await asyncio.gather(*tasks)
            outcomes = sorted((r.status_code, r.json().get("code")) for r in responses)
            assert outcomes.count((200, None)) == CAPACITY
            assert outcomes.count((409, "club.schedule_full")) == RACERS - CAPACITY
            (module,) = [m for m in app.runtime.modules if m.name == "club"]
            async with module.database.session() as session:
                stored = await session.get(Schedule, uuid.UUID(schedule["id"]))
                rows = await session.scalar(
                    select(func.count()).where(Rsvp.schedule_id == uuid.UUID(schedule["id"]))
                )
            assert stored is not None and (stored.rsvp_count, rows) == (CAPACITY, CAPACITY)
    finally:
        await stack.drop_databases()
