"""A tiny service database with durable scheduled jobs, for the scheduling tests: a job
of kind ``probe.record`` inserts one effect row, so a test counts how often each job took
effect. Run as a module it is an instance of its own (``python -m tests.support.job_probe``)
that a test can kill with SIGKILL in the middle of a job."""

import argparse
import asyncio
import os
from collections.abc import Callable
from datetime import datetime
from functools import partial
from pathlib import Path

from sqlalchemy import String, func, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from mungmo.platform.clock import Clock, utc_now
from mungmo.platform.db import Database, IdMixin, UnitOfWork, service_metadata
from mungmo.platform.db.database import ensure_database_exists
from mungmo.platform.scheduling import Job, JobHandler, JobRunner, schedule_job

KIND = "probe.record"


class JobProbeBase(DeclarativeBase):
    metadata = service_metadata(scheduled_jobs=True)


class JobEffect(IdMixin, JobProbeBase):
    __tablename__ = "job_effects"

    job_key: Mapped[str] = mapped_column(String(200))
    holder: Mapped[str] = mapped_column(String(64))


async def open_database(url: str) -> Database:
    await ensure_database_exists(url)
    database = Database(url, JobProbeBase.metadata, name="jobprobe")
    async with database.engine.begin() as connection:
        await connection.run_sync(JobProbeBase.metadata.create_all)
    return database


def uow_factory(database: Database, clock: Clock = utc_now) -> Callable[..., UnitOfWork]:
    return partial(UnitOfWork, database, clock=clock)


async def record(uow: UnitOfWork, job: Job, *, holder: str, hang_on: str | None = None) -> None:
    """The job's use case: one effect row. ``hang_on``: for that key, announce the start
    (a file) and never finish, holding the claimed job and its open transaction."""
    async with uow:
        uow.session.add(JobEffect(job_key=job.key, holder=holder))
        await uow.session.flush()
        if hang_on is not None and job.key == hang_on:
            started = Path(os.environ["JOB_PROBE_STARTED"])
            await asyncio.to_thread(started.write_text, str(os.getpid()))
            await asyncio.Event().wait()
        await uow.commit()


def runner(
    database: Database,
    *,
    holder: str,
    lease_seconds: float = 30.0,
    clock: Clock = utc_now,
    hang_on: str | None = None,
    poll_seconds: float = 0.05,
) -> JobRunner:
    return JobRunner(
        uow_factory(database, clock),
        [JobHandler(KIND, partial(record, holder=holder, hang_on=hang_on))],
        service="jobprobe",
        poll_seconds=poll_seconds,
        lease_seconds=lease_seconds,
        backoff_seconds=0.05,
    )


async def schedule(database: Database, keys: list[str], due_at: datetime) -> None:
    uow = uow_factory(database)()
    async with uow:
        for key in keys:
            await schedule_job(uow, kind=KIND, key=key, due_at=due_at, payload={"key": key})
        await uow.commit()


async def effects(database: Database) -> dict[str, int]:
    async with database.engine.connect() as connection:
        rows = await connection.execute(
            select(JobEffect.job_key, func.count()).group_by(JobEffect.job_key)
        )
        return {key: count for key, count in rows}


async def _serve(args: argparse.Namespace) -> None:
    database = await open_database(args.url)
    await runner(
        database, holder=args.holder, lease_seconds=args.lease_seconds, hang_on=args.hang_on
    ).run()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--holder", required=True)
    parser.add_argument("--lease-seconds", type=float, default=2.0)
    parser.add_argument("--hang-on")
    asyncio.run(_serve(parser.parse_args()))


if __name__ == "__main__":
    main()
