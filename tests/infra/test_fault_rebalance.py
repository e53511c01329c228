"""Two instances of one service in one consumer group, with rebalances in the middle
of a stream (MariaDB + Kafka, each consumer in a process of its own): a second
instance joins, so the first hands partitions over; then the first stops, so the
second takes everything. Nothing is lost, doubled or reordered."""

import asyncio
import signal
from collections.abc import Awaitable, Callable
from pathlib import Path

from tests.infra.test_fault_consumer_crash import _consumer, _stat
from tests.infra.test_fault_mariadb import report_effects
from tests.support.polling import eventually
from tests.support.probe import ProbeNode, probe_node
from tests.support.stack import Stack

KEYS = 10
PER_ROUND = 20  # events per key per round
ROUND = KEYS * PER_ROUND
MAX_ROUNDS = 40


class Stream:
    """Emits rounds of events, each once the consumers are at most two rounds behind,
    so a rebalance always lands while events are in flight."""

    def __init__(self, producer: ProbeNode) -> None:
        self.producer = producer
        self.rounds = 0

    @property
    def sent(self) -> int:
        return self.rounds * ROUND

    async def emit_round(self) -> None:
        assert self.rounds < MAX_ROUNDS, "the stream ran out of rounds"
        backlog_ok = max(0, self.sent - 2 * ROUND)
        await eventually(self.producer.effect_count, until=lambda n: n >= backlog_ok, timeout=120)
        numbers = range(self.rounds * PER_ROUND, (self.rounds + 1) * PER_ROUND)
        for key in range(KEYS):
            await self.producer.emit(f"dog-{key}", numbers)
        self.rounds += 1

    async def until(self, condition: Callable[[], Awaitable[bool]]) -> None:
        while not await condition():
            await self.emit_round()


async def test_two_instances_of_one_group_rebalance_without_loss_doubling_or_reordering(
    tmp_path: Path,
) -> None:
    stack = Stack(kind="real", data_dir=tmp_path)
    url = stack.database_url("faultgroup")
    first_stats, second_stats = tmp_path / "first.json", tmp_path / "second.json"
    try:
        async with probe_node(stack, service="faultgroup", database_url=url) as producer:
            producer.start_relay()
            stream = Stream(producer)
            first = _consumer(stack, url, first_stats, service="faultgroup")
            second = None
            try:
                await stream.until(lambda: _at_least(first_stats, 300))
                # A second instance joins mid-stream: the group moves partitions to it.
                second = _consumer(stack, url, second_stats, service="faultgroup")
                await stream.until(lambda: _at_least(second_stats, 1))
                # The first stops, as in a deploy, mid-stream: the second takes all.
                first.send_signal(signal.SIGTERM)
                for _ in range(3):
                    await stream.emit_round()
                assert await asyncio.to_thread(first.wait, 60) == 0
                sent = stream.sent
                await eventually(producer.effect_count, until=lambda n: n >= sent, timeout=180)
            finally:
                for process in (first, second):
                    if process is not None and process.poll() is None:
                        process.send_signal(signal.SIGTERM)
                        await asyncio.to_thread(process.wait, 60)
            first_log = first_stats.with_suffix(".log").read_text()
            report = await report_effects(producer, sent=sent)
            by_instance = {
                "first": await _stat(first_stats, "applied"),
                "second": await _stat(second_stats, "applied"),
            }
            print(f"\ntwo instances, two rebalances, applied by instance {by_instance}: {report}")
            assert "consumer.partitions_revoked" in first_log  # the listener ran
            assert by_instance["first"] > 0 and by_instance["second"] > 0
            assert report == {"sent": sent, "applied": sent, "duplicates": 0, "out_of_order": 0}
    finally:
        await stack.drop_databases()


async def _at_least(stats: Path, applied: int) -> bool:
    return await _stat(stats, "applied") >= applied
