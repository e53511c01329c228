"""Bad events on MariaDB + Kafka, counted like the other fault tests: a poison event
is parked and its key moves on; a v2 event with no v2 handler holds its partition
until a deploy that reads it, and then everything is applied once, in order."""

from pathlib import Path

from tests.infra.test_fault_mariadb import report_effects
from tests.support.polling import eventually
from tests.support.probe import ProbeRecorded, ProbeRecordedV2, probe_node
from tests.support.stack import Stack


async def test_a_poison_event_is_parked_and_the_rest_applied_once_in_order(
    tmp_path: Path,
) -> None:
    stack = Stack(kind="real", data_dir=tmp_path)
    try:
        async with probe_node(stack) as node:
            await node.start_consumer()
            node.start_relay()
            for key in range(5):
                await node.emit(f"dog-{key}", range(100), poison={50} if key == 2 else set())
            await eventually(node.effect_count, until=lambda n: n >= 499, timeout=120)
            report = await report_effects(node, sent=500)
            letters = await eventually(node.dead_letters, until=bool, timeout=30)
            print(f"\npoison: {report}, dead letters {len(letters)}")
            assert report == {"sent": 500, "applied": 499, "duplicates": 0, "out_of_order": 0}
            assert [letter.consumer for letter in letters] == [f"{node.service}.record"]
            assert await node.effects("dog-2") == [n for n in range(100) if n != 50]
    finally:
        await stack.drop_databases()


async def test_a_v2_event_without_a_v2_handler_waits_for_one_and_nothing_is_skipped(
    tmp_path: Path,
) -> None:
    stack = Stack(kind="real", data_dir=tmp_path)
    service = "faultversion"
    url = stack.database_url(service)
    try:
        async with probe_node(stack, service=service, database_url=url) as old:
            consumer = await old.start_consumer()
            await old.publish_envelope(ProbeRecorded(key="dog-v", n=0), key="dog-v")
            await old.publish_envelope(ProbeRecordedV2(key="dog-v", n=1, unit="kg"), key="dog-v")
            for n in range(2, 50):
                await old.publish_envelope(ProbeRecorded(key="dog-v", n=n), key="dog-v")

            async def stalled() -> dict[tuple[str, int], int]:
                return dict(consumer.stalled)

            await eventually(stalled, until=bool, timeout=60)
            assert await old.effects("dog-v") == [0]
            await old.stop_tasks()
        async with probe_node(stack, service=service, database_url=url) as new:
            await new.start_consumer(with_v2=True)
            await eventually(new.effect_count, until=lambda n: n >= 50, timeout=120)
            report = await report_effects(new, sent=50)
            print(f"\nv2 without handler, then with: {report}")
            assert report == {"sent": 50, "applied": 50, "duplicates": 0, "out_of_order": 0}
    finally:
        await stack.drop_databases()
