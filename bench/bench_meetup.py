"""Meetup benchmark: joins under 500 concurrent members beside a plain read of the same
meetup, and the calendar's month query with 10,000 meetups in one 시/군/구.

    uv run python bench/bench_meetup.py [--mariadb-url mysql+aiomysql://mungmo:mungmo@127.0.0.1:3307/]
        [--joiners 500] [--meetups 10000] [--month-queries 200]

Without --mariadb-url it runs on SQLite (the embedded default). Requests go through the
whole app in process (identity signs the tokens, meetup serves); the figures are
latencies as each client saw them, all started at once.
"""

import argparse
import asyncio
import secrets
import statistics
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
from sqlalchemy import insert

from mungmo.identity.wiring import IdentitySettings
from mungmo.main import create_mungmo_app
from mungmo.meetup.domain.geo import seoul_day_and_hour
from mungmo.meetup.models import KnownMember, Meetup, Participation
from mungmo.meetup.service.context import Meetups
from mungmo.meetup.wiring import MeetupSettings
from mungmo.platform.clock import utc_now
from mungmo.platform.config import PlatformSettings

REGION = "1111051500"  # 서울특별시 종로구 청운효자동
SGG = REGION[:5]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def line(name: str, values: list[float]) -> str:
    return (
        f"{name:<28} n={len(values):>5}  p50={percentile(values, 0.5):8.1f} ms"
        f"  p99={percentile(values, 0.99):8.1f} ms  mean={statistics.fmean(values):8.1f} ms"
    )


async def timed(call: "asyncio.Future[httpx.Response] | object") -> tuple[float, int]:
    started = time.perf_counter()
    response: httpx.Response = await call  # type: ignore[misc]
    return (time.perf_counter() - started) * 1000, response.status_code


async def run(args: argparse.Namespace) -> None:
    data_dir = Path(tempfile.mkdtemp(prefix="bench-meetup-"))
    run_id = uuid.uuid4().hex[:8]

    def url(service: str) -> str:
        if args.mariadb_url:
            return f"{args.mariadb_url.rstrip('/')}/bench_{run_id}_{service}"
        return f"sqlite+aiosqlite:///{data_dir / f'{service}.db'}"

    settings = PlatformSettings(
        data_dir=data_dir, log_json=True, log_level="WARNING", write_rate_per_minute=1_000_000
    )
    app = create_mungmo_app(
        settings,
        ["identity", "meetup"],
        service_settings={
            "identity": IdentitySettings(
                database_url=url("identity"),
                argon2_time_cost=1,
                argon2_memory_kib=1024,
                argon2_parallelism=1,
            ),
            "meetup": MeetupSettings(database_url=url("meetup")),
        },
    )
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://bench", timeout=300
        ) as client,
    ):
        signer = next(d.signer for d in app.state.dependencies.values() if hasattr(d, "signer"))
        meetups: Meetups = app.state.dependencies[Meetups]

        def headers(member: uuid.UUID) -> dict[str, str]:
            token = signer.issue(
                account_id=member,
                session_id=uuid.uuid4(),
                roles=["member"],
                now=utc_now(),
                ttl=timedelta(hours=1),
                onboarded=True,
            )
            return {"Authorization": f"Bearer {token}"}

        host = uuid.uuid4()
        async with meetups.uow() as uow:
            uow.session.add(
                KnownMember(
                    member_id=host,
                    nickname="호스트",
                    dogs=[],
                    region_code=REGION,
                    region_name="서울특별시 종로구 청운효자동",
                    region_expires_at=utc_now() + timedelta(days=30),
                )
            )
            await uow.commit()
        body = {
            "title": "벤치 번개",
            "starts_at": (utc_now() + timedelta(days=1)).isoformat(),
            "duration_minutes": 60,
            "place_name": "청운공원",
            "latitude": 37.5851,
            "longitude": 126.969,
            "capacity": 30,
        }
        created = await client.post("/api/v1/meetups", json=body, headers=headers(host))
        assert created.status_code == 201, created.text
        meetup_id = created.json()["id"]
        path = f"/api/v1/meetups/{meetup_id}"

        joiners = [uuid.uuid4() for _ in range(args.joiners)]
        tokens = [headers(m) for m in joiners]
        readers = [headers(uuid.uuid4()) for _ in range(args.joiners)]
        # Both at once, interleaved: 500 joins and 500 plain reads of the same meetup.
        calls = []
        for join_headers, read_headers in zip(tokens, readers, strict=True):
            calls.append(timed(client.post(f"{path}/participants/me", headers=join_headers)))
            calls.append(timed(client.get(path, headers=read_headers)))
        started = time.perf_counter()
        results = await asyncio.gather(*calls)
        wall = time.perf_counter() - started
        joins = [ms for n, (ms, status) in enumerate(results) if n % 2 == 0 and status == 201]
        reads = [ms for n, (ms, status) in enumerate(results) if n % 2 == 1 and status == 200]
        failed = len(results) - len(joins) - len(reads)
        detail = (await client.get(path, headers=headers(host))).json()

        # 10,000 meetups in the same 시/군/구 over one month, then the month's calendar.
        month_start = datetime.now(UTC).replace(
            day=1, hour=0, minute=0, second=0, microsecond=0
        ) + timedelta(days=40)
        month_start = month_start.replace(day=1)
        rows = []
        for n in range(args.meetups):
            starts = month_start + timedelta(minutes=(n * 37) % (28 * 24 * 60))
            local_date, local_hour = seoul_day_and_hour(starts)
            rows.append(
                {
                    "id": uuid.uuid4(),
                    "host_id": uuid.uuid4(),
                    "title": f"번개 {n}",
                    "body": "",
                    "starts_at": starts,
                    "ends_at": starts + timedelta(hours=1),
                    "local_date": local_date,
                    "local_hour": local_hour,
                    "place_name": "공원",
                    "latitude": 37.58 + (n % 100) * 1e-4,
                    "longitude": 126.96 + (n % 97) * 1e-4,
                    "region_code": REGION,
                    "region_name": "",
                    "sgg_code": SGG,
                    "capacity": 6,
                    "taken": 1 + n % 6,
                    "approval_required": False,
                    "dog_sizes": ["small", "medium", "large"],
                    "size_mask": 7,
                    "quiet": n % 10 == 0,
                    "status": "open",
                    "check_in_token": secrets.token_urlsafe(8),
                    "waitlist_next": 1,
                    "waitlisted": 0,
                    "created_at": utc_now(),
                    "updated_at": utc_now(),
                }
            )
        async with meetups.uow() as uow:
            for chunk in range(0, len(rows), 1000):
                await uow.session.execute(insert(Meetup), rows[chunk : chunk + 1000])
            await uow.commit()
        first = month_start.date()
        last = (month_start + timedelta(days=34)).date()
        params = {"from": str(first), "to": str(last)}
        viewer = headers(host)
        month = []
        for _ in range(args.month_queries):
            ms, status = await timed(
                client.get("/api/v1/meetups/calendar", params=params, headers=viewer)
            )
            assert status == 200
            month.append(ms)
        filtered = []
        for _ in range(args.month_queries // 2):
            ms, status = await timed(
                client.get(
                    "/api/v1/meetups/calendar",
                    params={**params, "free_only": "true", "time_of_day": "evening"},
                    headers=viewer,
                )
            )
            filtered.append(ms)
        days = (await client.get("/api/v1/meetups/calendar", params=params, headers=viewer)).json()[
            "days"
        ]

    store = "MariaDB" if args.mariadb_url else "SQLite"
    print(f"meetup benchmark on {store} (in-process HTTP, identity + meetup)")
    print(
        f"{args.joiners} joins and {args.joiners} reads started at once:"
        f" {wall:.1f} s wall, {failed} failed"
    )
    print(line("join (POST participants/me)", joins))
    print(line("plain read (GET meetup)", reads))
    print(f"after: taken {detail['taken']}/{detail['capacity']}, waitlisted {detail['waitlisted']}")
    print(
        f"calendar month, {args.meetups} meetups in 시/군/구 {SGG}"
        f" ({sum(d['count'] for d in days)} in range, {len(days)} days):"
    )
    print(line("month counts", month))
    print(line("month counts, filtered", filtered))
    _ = Participation  # the joins' rows


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--mariadb-url", default=None)
    parser.add_argument("--joiners", type=int, default=500)
    parser.add_argument("--meetups", type=int, default=10_000)
    parser.add_argument("--month-queries", type=int, default=200)
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
