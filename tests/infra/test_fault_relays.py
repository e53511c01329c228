"""Two relays after a lease expires (MariaDB + Kafka, each relay a process of its own),
in one stream of 2,000 events across 20 keys:

1. relay A is killed with SIGKILL after the log acknowledged a batch and before A
   marked it; once A's lease runs out relay B takes over and sends those rows again;
2. B is paused (SIGSTOP) holding a batch it selected but did not send; once its lease
   runs out relay C takes over and publishes that batch and what follows; then B goes
   on (SIGCONT) and sends its stale batch after the newer messages, and must then find
   the lease gone and publish nothing more.

The consumer's inbox drops what is sent twice; every event is applied once, in order
per key."""

import asyncio
import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from tests.infra.test_fault_mariadb import report_effects
from tests.support.polling import eventually
from tests.support.probe import ProbeNode, probe_node
from tests.support.stack import Stack

KEYS = 20
PER_KEY = 100
PER_TRANSACTION = 25
LEASE_SECONDS = 2.0


class Relay:
    def __init__(self, stack: Stack, url: str, name: str, *options: str) -> None:
        self.stats = stack.data_dir / f"relay-{name}.json"
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.support.probe_relay",
                *("--service", "faultrelay", "--url", url, "--run-id", stack.run_id),
                *("--data-dir", str(stack.data_dir), "--stats", str(self.stats)),
                *("--lease-seconds", str(LEASE_SECONDS), *options),
            ],
            env={**os.environ, "MUNGMO_LOG_JSON": "false"},
            stdout=self.stats.with_suffix(".log").open("w"),
            stderr=subprocess.STDOUT,
        )

    async def stat(self, name: str) -> int:
        if self.process.poll() is not None and self.process.returncode != -signal.SIGKILL:
            raise AssertionError(self.stats.with_suffix(".log").read_text())
        try:
            return int(json.loads(await asyncio.to_thread(self.stats.read_text))[name])
        except (FileNotFoundError, json.JSONDecodeError):
            return -1  # not started yet

    async def ready(self) -> bool:
        return await self.stat("publishes") >= 0

    async def end(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
        await asyncio.to_thread(self.process.wait, 30)


async def test_two_relays_after_a_lease_expires_neither_lose_double_nor_reorder(
    tmp_path: Path,
) -> None:
    stack = Stack(kind="real", data_dir=tmp_path)
    url = stack.database_url("faultrelay")
    killed_stop, paused_stop = tmp_path / "a.stopped", tmp_path / "b-or-c.stopped"
    relays: list[Relay] = []
    try:
        async with probe_node(stack, service="faultrelay", database_url=url) as node:
            # A starts, and the stream with it, while the consumer joins its group.
            # B and C start too, but stand by only once A holds the lease.
            go = tmp_path / "standby"
            first = Relay(stack, url, "a", *_stop(4, "after", killed_stop))
            relays.append(first)
            relays += [
                Relay(stack, url, name, *_stop(3, "before", paused_stop), "--start-after", str(go))
                for name in "bc"
            ]
            emitting = asyncio.create_task(_stream(node))
            await node.start_consumer()
            await eventually(lambda: first.stat("publishes"), until=lambda n: n >= 1, timeout=60)
            go.touch()  # whichever of B and C takes over first stops
            for standby in relays[1:]:
                await eventually(standby.ready, timeout=60)

            # 1. A stopped with a batch in the log but not marked: kill -9 it there.
            acknowledged = (await eventually(lambda: _read(killed_stop), until=bool))["ids"]
            first.process.send_signal(signal.SIGKILL)
            await asyncio.to_thread(first.process.wait, 30)

            # 2. B (or C) took over once A's lease ran out, and stopped with a batch in
            # hand; the other one takes over once that lease runs out, and publishes it.
            stopped = await eventually(lambda: _read(paused_stop), until=bool, timeout=60)
            paused, taker = sorted(relays[1:], key=lambda r: r.process.pid != stopped["pid"])
            stale = stopped["ids"]
            await eventually(
                lambda: _unpublished_of(node, stale), until=lambda n: n == 0, timeout=60
            )
            await eventually(lambda: taker.stat("publishes"), until=lambda n: n >= 2, timeout=30)
            paused.process.send_signal(signal.SIGCONT)  # it sends its stale batch now
            await eventually(lambda: paused.stat("publishes"), until=lambda n: n == 3, timeout=30)

            await asyncio.wait_for(emitting, 120)
            sent = KEYS * PER_KEY
            await eventually(node.effect_count, until=lambda n: n >= sent, timeout=120)
            await eventually(node.unpublished, until=lambda n: n == 0, timeout=30)
            assert await paused.stat("publishes") == 3, "it published again without the lease"
            redelivered = await eventually(
                lambda: _redelivered(node),
                until=lambda n: n >= len(acknowledged) + len(stale),
                timeout=30,
            )
            report = await report_effects(node, sent=sent)
            print(
                f"\ntwo relays, lease expired (A kill -9 with {len(acknowledged)} unmarked, "
                f"then one paused with {len(stale)} stale; {redelivered} redelivered): {report}"
            )
            assert report == {"sent": sent, "applied": sent, "duplicates": 0, "out_of_order": 0}
            assert await node.dead_letters() == []
    finally:
        for relay in relays:
            await relay.end()
        await stack.drop_databases()


def _stop(at: int, when: str, stop_file: Path) -> tuple[str, ...]:
    return ("--stop-at", str(at), "--stop-when", when, "--stop-file", str(stop_file))


async def _read(path: Path) -> dict[str, Any]:
    try:
        return dict(json.loads(await asyncio.to_thread(path.read_text)))
    except (FileNotFoundError, json.JSONDecodeError):
        return {}


async def _stream(node: ProbeNode) -> None:
    """2,000 events, 25 per transaction, keys in turn, never far ahead of the relays:
    the faults land in the middle of the stream."""
    for start in range(0, PER_KEY, PER_TRANSACTION):
        for key in range(KEYS):
            await eventually(node.unpublished, until=lambda n: n < 300, timeout=120)
            await node.emit(f"dog-{key}", range(start, start + PER_TRANSACTION))


async def _redelivered(node: ProbeNode) -> int:
    """Deliveries the inbox dropped: the rows sent again."""
    return sum(1 for processed in node.processed if processed.duplicate)


async def _unpublished_of(node: ProbeNode, event_ids: list[str]) -> int:
    outbox = node.database.messaging.outbox
    async with node.database.session() as session:
        count = await session.scalar(
            select(func.count())
            .select_from(outbox)
            .where(outbox.c.event_id.in_(event_ids), outbox.c.published_at.is_(None))
        )
        return int(count or 0)
