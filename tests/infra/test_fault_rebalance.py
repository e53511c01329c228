"""Two instances of one service in one consumer group, with rebalances in the middle
of a stream (MariaDB + Kafka, each consumer in a process of its own): a second
instance joins, so the first hands partitions over; then the first stops, so the
second takes everything. Nothing is lost, doubled or reordered."""

import asyncio
import signal
from pathlib import Path

from tests.infra.test_fault_consumer_crash import _consumer, _stat
from tests.infra.test_fault_mariadb import report_effects
from tests.support.polling import eventually
from tests.support.probe import ProbeNode, probe_node
from tests.support.stack import Stack

KEYS = 10
ROUNDS = 10
PER_ROUND = 20  # events per key per round
SENT = KEYS * ROUNDS * PER_ROUND


async def _emit_round(producer: ProbeNode, round_number: int) -> None:
    numbers = range(round_number * PER_ROUND, (round_number + 1) * PER_ROUND)
    for key in range(KEYS):
        await producer.emit(f"dog-{key}", numbers)


async def test_two_instances_of_one_group_rebalance_without_loss_doubling_or_reordering(
    tmp_path: Path,
) -> None:
    stack = Stack(kind="real", data_dir=tmp_path)
    url = stack.database_url("faultgroup")
    first_stats, second_stats = tmp_path / "first.json", tmp_path / "second.json"
    try:
        async with probe_node(stack, service="faultgroup", database_url=url) as producer:
            producer.start_relay()
            first = _consumer(stack, url, first_stats, service="faultgroup")
            second = None
            try:
                for round_number in range(3):
                    await _emit_round(producer, round_number)
                await eventually(producer.effect_count, until=lambda n: n >= 300, timeout=120)

                # A second instance joins: the group moves some partitions to it.
                second = _consumer(stack, url, second_stats, service="faultgroup")
                for round_number in range(3, 6):
                    await _emit_round(producer, round_number)
                await eventually(
                    lambda: _stat(second_stats, "applied"), until=lambda n: n >= 1, timeout=120
                )

                # The first stops, as in a deploy: the second takes every partition.
                first.send_signal(signal.SIGTERM)
                for round_number in range(6, ROUNDS):
                    await _emit_round(producer, round_number)
                assert await asyncio.to_thread(first.wait, 60) == 0
                await eventually(producer.effect_count, until=lambda n: n >= SENT, timeout=180)
            finally:
                for process in (first, second):
                    if process is not None and process.poll() is None:
                        process.send_signal(signal.SIGTERM)
                        await asyncio.to_thread(process.wait, 60)
            first_log = first_stats.with_suffix(".log").read_text()
            report = await report_effects(producer, sent=SENT)
            by_instance = {
                "first": await _stat(first_stats, "applied"),
                "second": await _stat(second_stats, "applied"),
            }
            print(f"\ntwo instances, two rebalances, applied by instance {by_instance}: {report}")
            assert "consumer.partitions_revoked" in first_log  # the listener ran
            assert by_instance["first"] > 0 and by_instance["second"] > 0
            assert report == {"sent": SENT, "applied": SENT, "duplicates": 0, "out_of_order": 0}
    finally:
        await stack.drop_databases()
