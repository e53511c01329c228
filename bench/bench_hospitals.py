"""Hospital benchmark: register import rows/s, and search p99 beside a primary-key read.

    uv run python bench/bench_hospitals.py [--stack embedded|real|both] [--n 300]
        [--mariadb-url mysql+aiomysql://mungmo:mungmo@127.0.0.1:3307/]

bench/README.md says what each figure means.
"""

import argparse
import asyncio
import json
import random
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import make_url, text
from sqlalchemy.ext.asyncio import create_async_engine

from foundation.figures import Figures, Series
from mungmo.hospital import wiring as hospital_wiring
from mungmo.hospital.domain.coordinates import to_wgs84
from mungmo.hospital.domain.register import BUNDLED_REGISTER, parse_register, read_register_bytes
from mungmo.hospital.service.context import Hospitals
from mungmo.hospital.service.register import import_register
from mungmo.hospital.service.search import (
    HospitalQuery,
    Position,
    get_hospital,
    list_districts,
    list_provinces,
    search_hospitals,
)
from mungmo.platform.auth import Actor
from mungmo.platform.config import PlatformSettings
from mungmo.platform.db.migrations import upgrade_to_head
from mungmo.platform.metrics import Metrics
from mungmo.platform.pagination import PageRequest
from mungmo.platform.service import PlatformContext

RESULTS_DIR = Path(__file__).parent / "results"
WARM_UP = 10
PAGE = PageRequest(limit=20)
READER = Actor(member_id=uuid.uuid4(), session_id="bench", roles=frozenset({"member"}))


def _options() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stack", choices=["embedded", "real", "both"], default="embedded")
    parser.add_argument("--n", type=int, default=300, help="samples per read figure")
    parser.add_argument("--mariadb-url", default="mysql+aiomysql://mungmo:mungmo@127.0.0.1:3307/")
    return parser.parse_args()


async def _timed(series: Series, call: Callable[[], Awaitable[object]]) -> None:
    started = time.perf_counter()
    await call()
    series.add(time.perf_counter() - started)


class StackRun:
    """One hospital service on one stack: an empty database, then the shipped register."""

    def __init__(self, kind: str, scratch: Path, mariadb_url: str) -> None:
        self.kind = kind
        self.database_name = f"bench_{uuid.uuid4().hex[:8]}_hospital"
        self.mariadb_url = mariadb_url
        url = (
            f"sqlite+aiosqlite:///{scratch / 'hospital.db'}"
            if kind == "embedded"
            else make_url(mariadb_url)
            .set(database=self.database_name)
            .render_as_string(hide_password=False)
        )
        context = PlatformContext(settings=PlatformSettings(data_dir=scratch), metrics=Metrics())
        self.module = hospital_wiring.build(
            context, hospital_wiring.HospitalSettings(database_url=url, register_file=None)
        )
        self.hospitals = next(d for d in self.module.dependencies if isinstance(d, Hospitals))

    async def start(self) -> None:
        await upgrade_to_head(self.module.database, self.module.migrations_dir)

    async def stop(self) -> None:
        await self.module.database.dispose()
        if self.kind == "real":
            engine = create_async_engine(self.mariadb_url)
            async with engine.begin() as connection:
                await connection.execute(text(f"DROP DATABASE IF EXISTS `{self.database_name}`"))
            await engine.dispose()


async def _imports(run: StackRun, data: bytes, figures: Figures, rates: dict[str, float]) -> None:
    to_wgs84([(200_000.0, 500_000.0)])  # pyproj builds its transformer once per process
    started = time.perf_counter()
    parsed = parse_register(data)
    parse_seconds = time.perf_counter() - started
    first = await import_register(run.hospitals, parsed, label="bench")
    first_seconds = time.perf_counter() - started
    started = time.perf_counter()
    again = await import_register(run.hospitals, parse_register(data), label="bench")
    again_seconds = time.perf_counter() - started
    rows = len(parsed.records) + len(parsed.bad)
    assert first.added == len(parsed.records) and again.changed == 0
    rates[f"{run.kind}.parse"] = rows / parse_seconds
    rates[f"{run.kind}.first"] = rows / first_seconds
    rates[f"{run.kind}.again"] = rows / again_seconds
    figures.series_for(f"{run.kind}.import.first", "import into an empty table").add(first_seconds)
    figures.series_for(f"{run.kind}.import.again", "re-import, nothing changes").add(again_seconds)


async def _reads(run: StackRun, n: int, figures: Figures, rng: random.Random) -> None:
    hospitals = run.hospitals
    provinces = [p.name for p in await list_provinces(hospitals)]
    regions = [
        (province, district.name)
        for province in provinces
        for district in await list_districts(hospitals, province)
    ]
    listed = await search_hospitals(hospitals, READER, HospitalQuery(), PageRequest(limit=100))
    ids = [h.id for h in listed.items]
    points = [(h.latitude, h.longitude) for h in listed.items if h.latitude and h.longitude]

    def near() -> Position:
        latitude, longitude = rng.choice(points)
        return Position(latitude + rng.uniform(-0.02, 0.02), longitude + rng.uniform(-0.02, 0.02))

    kinds: list[tuple[str, str, Callable[[], Awaitable[object]]]] = [
        (
            "pk",
            "primary-key read (one hospital, with hours)",
            lambda: get_hospital(hospitals, rng.choice(ids)),
        ),
        (
            "region",
            "search: 시/도 + 시/군/구, by name, 20",
            lambda: _region(hospitals, rng.choice(regions)),
        ),
        (
            "distance",
            "search: nearest 20 in Korea from a point",
            lambda: search_hospitals(
                hospitals, READER, HospitalQuery(sort="distance", position=near()), PAGE
            ),
        ),
        (
            "distance.region",
            "search: nearest 20 in a 시/군/구",
            lambda: _region(hospitals, rng.choice(regions), near()),
        ),
    ]
    for _ in range(WARM_UP):
        for _, _, call in kinds:
            await call()
    # Interleaved, so a burst of load on the machine hits every figure alike.
    for _ in range(n):
        for key, label, call in kinds:
            await _timed(figures.series_for(f"{run.kind}.{key}", label), call)


async def _region(
    hospitals: Hospitals, region: tuple[str, str], position: Position | None = None
) -> object:
    province, district = region
    query = HospitalQuery(
        province=province,
        district=district,
        sort="name" if position is None else "distance",
        position=position,
    )
    return await search_hospitals(hospitals, READER, query, PAGE)


def _print(kinds: list[str], figures: Figures, rates: dict[str, float]) -> dict[str, Any]:
    summaries = figures.summaries()
    print(f"\n{'figure':58} {'n':>5} {'p50 ms':>9} {'p99 ms':>9} {'mean ms':>9}")
    for kind in kinds:
        print(f"-- {kind} --")
        print(
            f"  import rows/s: parse only {rates[kind + '.parse']:,.0f}; "
            f"parse + first import {rates[kind + '.first']:,.0f}; "
            f"parse + re-import {rates[kind + '.again']:,.0f}"
        )
        for key, summary in summaries.items():
            if key.startswith(kind + "."):
                print(
                    f"  {summary['label']:56} {summary['n']:>5} {summary['p50_ms']:>9.2f} "
                    f"{summary['p99_ms']:>9.2f} {summary['mean_ms']:>9.2f}"
                )
        pk = summaries[f"{kind}.pk"]
        for key in ("region", "distance", "distance.region"):
            other = summaries[f"{kind}.{key}"]
            print(
                f"  ratio {other['label'][8:]:40} / pk read: p50 "
                f"{other['p50_ms'] / pk['p50_ms']:.1f}×, p99 {other['p99_ms'] / pk['p99_ms']:.1f}×"
            )
    return summaries


async def main() -> None:
    options = _options()
    kinds = ["embedded", "real"] if options.stack == "both" else [options.stack]
    data = read_register_bytes(BUNDLED_REGISTER)
    figures = Figures()
    rates: dict[str, float] = {}
    rng = random.Random(12)
    with tempfile.TemporaryDirectory() as scratch:
        for kind in kinds:
            (Path(scratch) / kind).mkdir()
            run = StackRun(kind, Path(scratch) / kind, options.mariadb_url)
            try:
                await run.start()
                await _imports(run, data, figures, rates)
                await _reads(run, options.n, figures, rng)
            finally:
                await run.stop()
    summaries = _print(kinds, figures, rates)
    RESULTS_DIR.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    out = RESULTS_DIR / f"hospitals-{stamp}.json"
    out.write_text(json.dumps({"rates_rows_per_s": rates, "figures": summaries}, indent=2))
    print(f"\nsamples: {out}")


if __name__ == "__main__":
    asyncio.run(main())
