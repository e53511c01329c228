"""The Kafka broker killed (kill -9) and restarted in the middle of 2,000 events (a
private broker; MariaDB keeps the outbox and the effects): nothing lost, doubled or
reordered."""

import time
from pathlib import Path

from tests.infra.test_fault_mariadb import report_effects
from tests.support.polling import eventually
from tests.support.private_kafka import PrivateKafka
from tests.support.probe import probe_node
from tests.support.stack import Stack

KEYS = 20
PER_KEY = 100


async def test_a_broker_restart_mid_stream_loses_and_doubles_nothing(
    private_kafka: PrivateKafka, tmp_path: Path
) -> None:
    stack = Stack(kind="real", data_dir=tmp_path)
    url = stack.database_url("faultkafka")
    try:
        async with probe_node(
            stack, service="faultkafka", database_url=url, kafka_bootstrap=private_kafka.bootstrap
        ) as node:
            await node.start_consumer()
            node.start_relay()
            for key in range(KEYS):
                await node.emit(f"dog-{key}", range(PER_KEY // 2))
            await eventually(node.effect_count, until=lambda n: n >= 300, timeout=120)

            private_kafka.kill()
            killed_at = time.monotonic()
            for key in range(KEYS):  # the service keeps taking changes while Kafka is away
                await node.emit(f"dog-{key}", range(PER_KEY // 2, PER_KEY))
            await private_kafka.start()
            print(f"\nbroker down for {time.monotonic() - killed_at:.1f}s")

            await eventually(
                node.effect_count, until=lambda n: n >= KEYS * PER_KEY, timeout=240, interval=0.5
            )
            report = await report_effects(node, sent=KEYS * PER_KEY)
            print(f"kafka kill -9 and restart: {report}")
            assert report == {
                "sent": KEYS * PER_KEY,
                "applied": KEYS * PER_KEY,
                "duplicates": 0,
                "out_of_order": 0,
            }
            assert await eventually(node.unpublished, until=lambda n: n == 0, timeout=60) == 0
    finally:
        await stack.drop_databases()
