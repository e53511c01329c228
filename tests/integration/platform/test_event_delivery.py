"""Outbox, inbox, ordering, restarts and dead letters, on the embedded log or a real
Kafka broker with MariaDB (``--stack=real``)."""

import asyncio

from sqlalchemy import update

from mungmo.platform.events.envelope import Envelope
from mungmo.platform.events.transport import OutgoingMessage
from tests.support.polling import eventually
from tests.support.probe import ProbeNode, probe_node
from tests.support.stack import Stack


async def test_events_committed_before_a_crash_are_published_after_restart(
    stack: Stack,
) -> None:
    service = "probecrash" + stack.run_id[:4]
    url = stack.database_url(service)
    async with probe_node(stack, service=service, database_url=url) as before_crash:
        # The change commits with its events; the process dies before the relay runs.
        await before_crash.emit("dog-1", range(5))
        assert await before_crash.unpublished() == 5
    async with probe_node(stack, service=service, database_url=url) as restarted:
        await restarted.start_consumer()
        restarted.start_relay()
        assert await eventually(lambda: restarted.effects("dog-1"), until=lambda e: len(e) == 5)
        assert await restarted.effects("dog-1") == [0, 1, 2, 3, 4]
        assert await eventually(restarted.unpublished, until=lambda n: n == 0) == 0


async def test_a_crash_after_publishing_but_before_marking_applies_events_once(
    stack: Stack,
) -> None:
    async with probe_node(stack) as node:
        await node.start_consumer()
        await node.emit("dog-2", range(3))
        relay = node.start_relay()
        await eventually(lambda: node.effects("dog-2"), until=lambda e: len(e) == 3)
        # Pretend the relay died before its 'mark as sent' commit: rows look unsent again.
        outbox = node.database.messaging.outbox
        async with node.database.session() as session, session.begin():
            await session.execute(update(outbox).values(published_at=None))
        node.database.events_committed()  # wake the relay: it publishes all three again
        await eventually(node.unpublished, until=lambda n: n == 0)
        await eventually(
            lambda: _count(node.processed, duplicate=True), until=lambda n: n >= 3, timeout=20
        )
        assert await node.effects("dog-2") == [0, 1, 2]
        assert relay is node.relay


async def _count(processed: list, *, duplicate: bool) -> int:  # type: ignore[type-arg]
    return sum(1 for p in processed if p.duplicate is duplicate)


async def test_a_duplicate_delivery_is_applied_once(stack: Stack) -> None:
    async with probe_node(stack) as node:
        await node.start_consumer()
        await node.emit("dog-3", range(1))
        outbox = node.database.messaging.outbox
        async with node.database.session() as session:
            row = (await session.execute(outbox.select())).one()
        envelope = Envelope(
            id=row.event_id,
            type=row.event_type,
            version=row.event_version,
            source=row.source,
            key=row.event_key,
            time=row.occurred_at,
            payload={"key": "dog-3", "n": 0},
        )
        message = OutgoingMessage(topic=row.topic, key=row.event_key, value=envelope.to_bytes())
        # The broker hands the same event over three times.
        await node.transport.publish([message, message, message])
        await eventually(lambda: _count(node.processed, duplicate=True), until=lambda n: n == 2)
        assert await node.effects("dog-3") == [0]
        assert await node.effect_count() == 1


async def test_a_thousand_events_for_one_key_arrive_in_order(stack: Stack) -> None:
    async with probe_node(stack) as node:
        await node.start_consumer()
        for start in range(0, 1000, 100):
            await node.emit("dog-4", range(start, start + 100))
        await node.emit("other-dog", range(50))  # another key interleaves on the log
        node.start_relay()
        effects = await eventually(
            lambda: node.effects("dog-4"), until=lambda e: len(e) == 1000, timeout=60
        )
        assert effects == list(range(1000))
        assert [n for key, n in node.applied if key == "dog-4"] == list(range(1000))


async def test_a_restarted_consumer_resumes_without_loss_or_double_effects(
    stack: Stack,
) -> None:
    service = "proberestart" + stack.run_id[:4]
    url = stack.database_url(service)
    async with probe_node(stack, service=service, database_url=url) as first:
        await first.start_consumer()
        first.start_relay()
        await first.emit("dog-5", range(100))
        await eventually(lambda: first.effects("dog-5"), until=lambda e: len(e) >= 10)
        # The consumer process dies somewhere in the middle, then more events are made.
        await first.stop_tasks()
        await first.emit("dog-5", range(100, 200))
    async with probe_node(stack, service=service, database_url=url) as second:
        await second.start_consumer()
        second.start_relay()
        effects = await eventually(
            lambda: second.effects("dog-5"), until=lambda e: len(e) >= 200, timeout=60
        )
        assert effects == list(range(200))
        await asyncio.sleep(0)  # let any in-flight redelivery land before counting
        assert await second.effect_count() == 200


async def test_a_poison_event_becomes_a_dead_letter_and_the_key_moves_on(
    stack: Stack,
) -> None:
    async with probe_node(stack) as node:
        await node.start_consumer()
        node.start_relay()
        await node.emit("dog-6", range(4), poison={1})
        effects = await eventually(lambda: node.effects("dog-6"), until=lambda e: len(e) == 3)
        assert effects == [0, 2, 3]

        async def letters() -> list:  # type: ignore[type-arg]
            return [
                letter
                for letter in await node.transport.list_dead_letters(50)
                if letter.consumer == f"{node.service}.record"
            ]

        (letter,) = await eventually(letters, until=lambda found: len(found) == 1)
        assert "poison event 1" in letter.error
        assert '"n":1' in letter.value.replace(" ", "")


async def test_only_one_relay_per_database_publishes(stack: Stack) -> None:
    async with probe_node(stack) as node:
        await node.start_consumer()
        from mungmo.platform.events.relay import OutboxRelay

        holder = OutboxRelay(node.database, node.transport, service=node.service)
        other = OutboxRelay(node.database, node.transport, service=node.service)
        await node.emit("dog-7", range(10))
        assert await holder.publish_pending() == 10
        await node.emit("dog-7", range(10, 20))
        assert await other.publish_pending() == 0  # the lease is held by the first
        assert await holder.publish_pending() == 10
        assert await eventually(
            lambda: node.effects("dog-7"), until=lambda e: len(e) == 20
        ) == list(range(20))


async def test_an_event_with_a_broken_payload_is_parked_not_retried_forever(
    stack: Stack,
) -> None:
    async with probe_node(stack) as node:
        consumer = await node.start_consumer()
        bad = Envelope(
            id="00000000-0000-0000-0000-00000000beef",
            type="probe.ProbeRecorded",
            version=1,
            source="probe",
            key="dog-8",
            time="2026-01-01T00:00:00Z",
            payload={"key": "dog-8", "n": "not a number"},
        )
        topic = consumer.topics[0]
        await node.transport.publish(
            [OutgoingMessage(topic=topic, key="dog-8", value=bad.to_bytes())]
        )
        await node.emit("dog-8", range(1))
        node.start_relay()
        assert await eventually(lambda: node.effects("dog-8"), until=lambda e: len(e) == 1) == [0]


async def test_a_use_case_that_returns_without_commit_keeps_the_inbox_claim(
    stack: Stack,
) -> None:
    # The consumer commits the claim, not the use case: an early return (nothing to
    # do) must still mark the event done, or every redelivery runs it again.
    async with probe_node(stack) as node:
        node.no_op = {1}
        await node.start_consumer()
        node.start_relay()
        await node.emit("dog-9", range(3))
        await eventually(lambda: node.effects("dog-9"), until=lambda e: e == [0, 2])
        assert await eventually(node.inbox_rows, until=lambda n: n == 3) == 3
        assert await node.effects("dog-9") == [0, 2]  # its uncommitted work is dropped
        # Delivered again: all three are duplicates now, including the no-op one.
        outbox = node.database.messaging.outbox
        async with node.database.session() as session, session.begin():
            await session.execute(update(outbox).values(published_at=None))
        node.database.events_committed()
        await eventually(
            lambda: _count(node.processed, duplicate=True), until=lambda n: n == 3, timeout=20
        )
        assert await node.effects("dog-9") == [0, 2]


def _unused(node: ProbeNode) -> None:
    return None
