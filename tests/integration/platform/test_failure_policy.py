"""The consumer's failure policy, on the embedded log or Kafka with MariaDB
(``--stack=real``): the infrastructure's failures are waited out, an event version
nobody reads holds its partition, and only the event's own failures are parked."""

import uuid

from sqlalchemy import insert

from mungmo.platform.clock import utc_now
from tests.support.polling import eventually
from tests.support.probe import ProbeNode, ProbeNoted, ProbeRecorded, ProbeRecordedV2, probe_node
from tests.support.stack import Stack


def _sample(node: ProbeNode, metric: str, **labels: str) -> float:
    return node.metrics.registry.get_sample_value(metric, labels) or 0.0


async def test_a_lock_held_past_every_attempt_is_waited_out_not_parked(stack: Stack) -> None:
    # Lock waits give up after a second, so three handler attempts would be over in
    # about three seconds: the old policy parked the event then and moved on.
    async with probe_node(stack, lock_timeout_seconds=1) as node:
        consumer = await node.start_consumer()
        event_id = uuid.uuid4()
        inbox = node.database.messaging.inbox
        async with node.database.engine.connect() as blocker:
            # Another transaction holds what the consumer needs: the database's write
            # lock on SQLite, the inbox row's key on MariaDB. Neither lets go in time.
            transaction = await blocker.begin()
            await blocker.execute(
                insert(inbox).values(
                    consumer=f"{node.service}.record",
                    event_id=str(event_id),
                    processed_at=utc_now(),
                )
            )
            await node.publish_envelope(
                ProbeRecorded(key="dog-lock", n=7), key="dog-lock", event_id=event_id
            )
            retries = await eventually(
                lambda: _retries(node, consumer.group),
                until=lambda n: n >= 4,
                timeout=30,
            )
            assert retries >= 4  # more tries than max_attempts (3): it kept waiting
            assert await node.dead_letters() == []
            await transaction.rollback()
        assert await eventually(lambda: node.effects("dog-lock"), until=lambda e: e == [7]) == [7]
        assert await node.dead_letters() == []
        assert (ProbeRecorded.topic, 0) not in consumer.stalled


async def _retries(node: ProbeNode, group: str) -> float:
    return _sample(node, "mungmo_consumer_retries_total", group=group, reason="infrastructure")


async def test_a_version_without_a_handler_holds_its_partition_until_one_is_deployed(
    stack: Stack,
) -> None:
    service = "probeversion" + stack.run_id[:4]
    url = stack.database_url(service)
    async with probe_node(stack, service=service, database_url=url) as old_deploy:
        consumer = await old_deploy.start_consumer(notes=True)
        await old_deploy.publish_envelope(
            ProbeRecordedV2(key="dog-v2", n=1, unit="kg"), key="dog-v2"
        )
        await old_deploy.publish_envelope(ProbeRecorded(key="dog-v2", n=2), key="dog-v2")
        # Another topic is another partition: it keeps flowing meanwhile.
        await old_deploy.publish_envelope(ProbeNoted(key="note-v2", n=5), key="note-v2")
        assert await eventually(lambda: old_deploy.effects("note-v2"), until=bool) == [5]
        stalled = await eventually(_stalled(consumer), until=bool)
        ((topic, partition),) = stalled
        assert topic.endswith(ProbeRecorded.topic)
        labels = {"group": consumer.group, "topic": topic, "partition": str(partition)}
        assert _sample(old_deploy, "mungmo_consumer_stalled", **labels) == 1
        # Neither the v2 event nor the v1 behind it on the same key was skipped past.
        assert await old_deploy.effects("dog-v2") == []
        assert await old_deploy.dead_letters() == []
        await old_deploy.stop_tasks()
    async with probe_node(stack, service=service, database_url=url) as new_deploy:
        await new_deploy.start_consumer(with_v2=True, notes=True)
        effects = await eventually(
            lambda: new_deploy.effects("dog-v2"), until=lambda e: len(e) == 2, timeout=30
        )
        assert effects == [1, 2]
        assert await new_deploy.effects("note-v2") == [5]  # applied once, not again


def _stalled(consumer: object) -> object:
    async def probe() -> dict[tuple[str, int], int]:
        return dict(consumer.stalled)  # type: ignore[attr-defined]

    return probe


async def test_a_handler_that_keeps_failing_is_parked_after_its_attempts(stack: Stack) -> None:
    async with probe_node(stack) as node:
        node.refuse = {1}
        await node.start_consumer()
        node.start_relay()
        await node.emit("dog-refused", range(3))
        assert await eventually(
            lambda: node.effects("dog-refused"), until=lambda e: len(e) == 2
        ) == [0, 2]
        (letter,) = await eventually(node.dead_letters, until=bool)
        assert "refused event 1" in letter.error
        assert _sample(node, "mungmo_dead_letters_total", consumer=f"{node.service}.record") == 1
