"""Durable scheduled jobs (platform/scheduling.py): a due job takes effect once, however
many instances run it; failures are retried, then left visibly failed."""

import asyncio
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from sqlalchemy import select

from mungmo.platform.clock import utc_now
from mungmo.platform.db import Database
from mungmo.platform.db.jobs import scheduled_jobs
from mungmo.platform.scheduling import Job, JobHandler, JobRunner, cancel_job
from tests.support import job_probe
from tests.support.polling import eventually
from tests.support.stack import Stack


@pytest.fixture
async def database(stack: Stack) -> AsyncIterator[Database]:
    opened = await job_probe.open_database(stack.database_url("jobprobe"))
    yield opened
    await opened.dispose()


async def _states(database: Database) -> dict[str, str]:
    table = scheduled_jobs(database.metadata)
    async with database.engine.connect() as connection:
        rows = await connection.execute(select(table.c.job_key, table.c.state))
        return {key: state for key, state in rows}


async def test_a_due_job_runs_once_and_a_later_one_waits(database: Database) -> None:
    now = utc_now()
    await job_probe.schedule(database, ["due"], now - timedelta(seconds=1))
    await job_probe.schedule(database, ["later"], now + timedelta(hours=1))
    # Scheduling the same job again keeps the one.
    await job_probe.schedule(database, ["due"], now - timedelta(seconds=1))
    runner = job_probe.runner(database, holder="one")
    assert await runner.run_due() == 1
    assert await runner.run_due() == 0
    assert await job_probe.effects(database) == {"due": 1}
    assert await _states(database) == {"due": "done", "later": "pending"}


async def test_a_cancelled_job_never_runs(database: Database) -> None:
    await job_probe.schedule(database, ["gone"], utc_now() - timedelta(seconds=1))
    uow = job_probe.uow_factory(database)()
    async with uow:
        assert await cancel_job(uow, kind=job_probe.KIND, key="gone")
        await uow.commit()
    assert await job_probe.runner(database, holder="one").run_due() == 0
    assert await job_probe.effects(database) == {}
    assert await _states(database) == {"gone": "cancelled"}


async def test_two_instances_run_each_due_job_exactly_once(stack: Stack) -> None:
    """Two instances, each with its own engine on the one database, race for 60 jobs."""
    url = stack.database_url("jobprobe")
    first, second = await job_probe.open_database(url), await job_probe.open_database(url)
    keys = [f"job-{n}" for n in range(60)]
    await job_probe.schedule(first, keys, utc_now() - timedelta(seconds=1))
    runners = [
        job_probe.runner(first, holder="first", poll_seconds=0.01),
        job_probe.runner(second, holder="second", poll_seconds=0.01),
    ]
    tasks = [asyncio.create_task(runner.run()) for runner in runners]
    try:

        async def all_done() -> dict[str, str]:
            return await _states(first)

        await eventually(all_done, until=lambda s: set(s.values()) == {"done"}, timeout=60)
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    assert await job_probe.effects(first) == dict.fromkeys(keys, 1)
    await first.dispose()
    await second.dispose()


async def test_a_failing_job_is_retried_then_left_failed(database: Database) -> None:
    attempts: list[int] = []

    async def broken(uow: object, job: Job) -> None:
        attempts.append(job.attempts)
        raise RuntimeError("the mail server said no")

    await job_probe.schedule(database, ["flaky"], utc_now() - timedelta(seconds=1))
    runner = JobRunner(
        job_probe.uow_factory(database),
        [JobHandler(job_probe.KIND, broken)],
        service="jobprobe",
        max_attempts=3,
        backoff_seconds=0.01,
    )

    async def run_until_failed() -> str:
        await runner.run_due()
        return (await _states(database))["flaky"]

    assert await eventually(run_until_failed, until=lambda state: state == "failed") == "failed"
    assert attempts == [1, 2, 3]
    table = scheduled_jobs(database.metadata)
    async with database.engine.connect() as connection:
        error = await connection.scalar(select(table.c.last_error))
    assert error == "the mail server said no"
    assert await job_probe.effects(database) == {}
