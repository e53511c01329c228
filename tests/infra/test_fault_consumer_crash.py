"""kill -9 of a consumer process between its database commit and its offset commit
(MariaDB + Kafka, the consumer in a process of its own): the batch is delivered
again, the inbox drops what was applied, nothing is lost, doubled or reordered."""

import asyncio
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from tests.infra.test_fault_mariadb import report_effects
from tests.support.polling import eventually
from tests.support.probe import probe_node
from tests.support.stack import Stack

KEYS = 10
PER_KEY = 100


def _consumer(
    stack: Stack, url: str, stats: Path, *, freeze_after: int = 0, service: str = "faultcrash"
) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.support.probe_consumer",
            "--service",
            service,
            "--url",
            url,
            "--run-id",
            stack.run_id,
            "--data-dir",
            str(stack.data_dir),
            "--stats",
            str(stats),
            "--freeze-after",
            str(freeze_after),
        ],
        env={**os.environ, "MUNGMO_LOG_JSON": "false"},
        stdout=(stats.with_suffix(".log")).open("w"),
        stderr=subprocess.STDOUT,
    )


async def test_a_consumer_killed_after_its_commit_and_before_its_offsets_doubles_nothing(
    tmp_path: Path,
) -> None:
    stack = Stack(kind="real", data_dir=tmp_path)
    url = stack.database_url("faultcrash")
    first_stats, second_stats = tmp_path / "first.json", tmp_path / "second.json"
    try:
        async with probe_node(stack, service="faultcrash", database_url=url) as producer:
            for key in range(KEYS):
                await producer.emit(f"dog-{key}", range(PER_KEY))
            producer.start_relay()
            await eventually(producer.unpublished, until=lambda n: n == 0, timeout=60)

            first = _consumer(stack, url, first_stats, freeze_after=300)
            try:
                frozen = first_stats.with_suffix(".frozen")
                await eventually(lambda: _exists(frozen), until=bool, timeout=120)
                first.send_signal(signal.SIGKILL)
                await asyncio.to_thread(first.wait, 30)
            finally:
                if first.poll() is None:
                    first.kill()
            crashed_at = await producer.effect_count()

            second = _consumer(stack, url, second_stats)
            try:
                await eventually(
                    producer.effect_count, until=lambda n: n >= KEYS * PER_KEY, timeout=180
                )
                redelivered = await eventually(
                    lambda: _stat(second_stats, "duplicates"), until=lambda n: n >= 1, timeout=30
                )
            finally:
                second.send_signal(signal.SIGTERM)
                await asyncio.to_thread(second.wait, 30)
            report = await report_effects(producer, sent=KEYS * PER_KEY)
            print(
                f"\nconsumer kill -9 at {crashed_at} effects, {redelivered} redelivered: {report}"
            )
            assert report == {
                "sent": KEYS * PER_KEY,
                "applied": KEYS * PER_KEY,
                "duplicates": 0,
                "out_of_order": 0,
            }
    finally:
        await stack.drop_databases()


async def _exists(path: Path) -> bool:
    return await asyncio.to_thread(path.exists)


async def _stat(path: Path, name: str) -> int:
    try:
        return int(json.loads(await asyncio.to_thread(path.read_text))[name])
    except (FileNotFoundError, json.JSONDecodeError):
        return 0
