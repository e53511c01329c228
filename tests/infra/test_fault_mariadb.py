"""kill -9 of MariaDB for 10 s in the middle of 2,000 events (a private server; Kafka
carries the events): every event is applied exactly once, in order per key."""

import itertools
import time
from collections import defaultdict
from pathlib import Path

from sqlalchemy import select

from tests.support.polling import eventually
from tests.support.private_mariadb import PrivateMariaDB
from tests.support.probe import Effect, ProbeNode, probe_node
from tests.support.stack import Stack

KEYS = 20
PER_KEY = 100


async def test_mariadb_killed_for_ten_seconds_mid_stream_loses_and_doubles_nothing(
    private_mariadb: PrivateMariaDB, tmp_path: Path
) -> None:
    stack = Stack(kind="real", data_dir=tmp_path)
    url = private_mariadb.database_url(f"fault_{stack.run_id}")
    async with probe_node(stack, service="faultdb", database_url=url) as node:
        for key in range(KEYS):
            for start in range(0, PER_KEY, 50):
                await node.emit(f"dog-{key}", range(start, start + 50))
        consumer = await node.start_consumer()
        node.start_relay()
        await eventually(node.effect_count, until=lambda n: n >= 300, timeout=120)

        private_mariadb.kill()
        killed_at = time.monotonic()

        def retries() -> float:
            labels = {"group": consumer.group, "reason": "infrastructure"}
            return (
                node.metrics.registry.get_sample_value("mungmo_consumer_retries_total", labels)
                or 0.0
            )

        async def down_long_enough() -> bool:
            return time.monotonic() - killed_at >= 10 and retries() >= 3

        await eventually(down_long_enough, until=bool, timeout=60, interval=0.5)
        await private_mariadb.start()

        await eventually(node.effect_count, until=lambda n: n >= KEYS * PER_KEY, timeout=180)
        report = await report_effects(node, sent=KEYS * PER_KEY)
        print(f"\nmariadb kill -9: {report}")
        assert report == {
            "sent": KEYS * PER_KEY,
            "applied": KEYS * PER_KEY,
            "duplicates": 0,
            "out_of_order": 0,
        }
        assert await node.dead_letters() == []


async def report_effects(node: ProbeNode, *, sent: int) -> dict[str, int]:
    """Counts effects against events sent: applied (distinct), applied twice, and
    applied before an earlier event of the same key."""
    async with node.database.session() as session:
        rows = (await session.execute(select(Effect.key, Effect.n).order_by(Effect.id))).all()
    seen: dict[str, list[int]] = defaultdict(list)
    for key, n in rows:
        seen[key].append(n)
    duplicates = sum(len(ns) - len(set(ns)) for ns in seen.values())
    out_of_order = sum(
        1 for ns in seen.values() for before, after in itertools.pairwise(ns) if after <= before
    )
    distinct = sum(len(set(ns)) for ns in seen.values())
    return {
        "sent": sent,
        "applied": distinct,
        "duplicates": duplicates,
        "out_of_order": out_of_order,
    }
