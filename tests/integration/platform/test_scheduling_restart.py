"""A scheduled job survives the death of the instance running it: kill -9 in the middle
of the job, and the job takes effect once, run by one of two instances started after."""

import asyncio
import os
import signal
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select

from mungmo.platform.clock import utc_now
from mungmo.platform.db.jobs import scheduled_jobs
from tests.support import job_probe
from tests.support.polling import eventually
from tests.support.stack import Stack


def _instance(url: str, holder: str, data_dir: Path, *extra: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.support.job_probe",
            "--url",
            url,
            "--holder",
            holder,
            "--lease-seconds",
            "1",
            *extra,
        ],
        env={
            **os.environ,
            "JOB_PROBE_STARTED": str(data_dir / "started"),
            "MUNGMO_LOG_JSON": "false",
        },
        stdout=(data_dir / f"{holder}.log").open("w"),
        stderr=subprocess.STDOUT,
    )


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.kill()
    process.wait(30)


async def test_a_job_killed_mid_run_is_run_once_by_the_instances_after(stack: Stack) -> None:
    url = stack.database_url("jobprobe")
    database = await job_probe.open_database(url)
    now = utc_now()
    await job_probe.schedule(database, ["first"], now - timedelta(seconds=5))
    await job_probe.schedule(database, [f"then-{n}" for n in range(5)], now - timedelta(seconds=1))
    started = stack.data_dir / "started"

    doomed = _instance(url, "doomed", stack.data_dir, "--hang-on", "first")
    try:
        await eventually(lambda: _exists(started), timeout=60)
        os.kill(doomed.pid, signal.SIGKILL)
    finally:
        _stop(doomed)
    assert await job_probe.effects(database) == {}  # its work died with it

    survivors = [_instance(url, name, stack.data_dir) for name in ("second", "third")]
    table = scheduled_jobs(database.metadata)

    async def states() -> set[str]:
        async with database.engine.connect() as connection:
            return set((await connection.scalars(select(table.c.state))).all())

    try:
        await eventually(states, until=lambda found: found == {"done"}, timeout=60)
    finally:
        for process in survivors:
            _stop(process)
    assert await job_probe.effects(database) == {"first": 1, **{f"then-{n}": 1 for n in range(5)}}
    async with database.engine.connect() as connection:
        holders = set((await connection.scalars(select(job_probe.JobEffect.holder))).all())
    assert holders <= {"second", "third"}
    await database.dispose()


async def _exists(path: Path) -> bool:
    return await asyncio.to_thread(path.exists)
