"""What the relay does with an event the log will never take, and how ``uow.emit``
keeps such events out of the outbox in the first place (either stack)."""

import json
import uuid

import pytest
from sqlalchemy import func, insert, select

from mungmo.platform.clock import utc_now
from mungmo.platform.db.uow import EventTooLarge
from mungmo.platform.events.relay import OutboxRelay
from tests.support.polling import eventually
from tests.support.probe import ProbeNode, ProbeRecorded, probe_node
from tests.support.stack import Stack


async def test_emit_refuses_an_event_larger_than_the_limit(stack: Stack) -> None:
    async with probe_node(stack) as node:
        async with node.uow(max_payload_bytes=1000) as uow:
            uow.emit(ProbeRecorded(key="dog-small", n=1), key="dog-small")
            with pytest.raises(EventTooLarge) as refused:
                uow.emit(ProbeRecorded(key="x" * 2000, n=2), key="dog-big")
            await uow.commit()
        assert "limit is 1000" in str(refused.value)
        assert "MUNGMO_EVENTS_MAX_PAYLOAD_BYTES" in str(refused.value)
        assert refused.value.status == 422
        assert await _outbox_count(node) == 1  # the change goes on without the big event


async def test_a_row_the_log_refuses_is_parked_and_only_its_key_waits(stack: Stack) -> None:
    # The log takes 20 kB here: room for the outbox's row, not for the log's message.
    async with probe_node(stack, max_message_bytes=20_000) as node:
        await node.start_consumer()
        await node.emit("dog-ok", range(3))
        # Written before the cap existed: too large for the log, refused each time.
        await _insert_oversized(node, key="dog-big", n=0)
        await node.emit("dog-big", range(1, 3))  # must wait behind the parked row
        await node.emit("dog-ok", range(3, 6))
        relay = OutboxRelay(
            node.database,
            node.transport,
            service=node.service,
            metrics=node.metrics,
            max_refusals=3,
        )
        assert await relay.publish_pending() == 6
        assert await eventually(
            lambda: node.effects("dog-ok"), until=lambda e: len(e) == 6
        ) == list(range(6))
        outbox = node.database.messaging.outbox
        async with node.database.session() as session:
            parked = (
                await session.execute(select(outbox).where(outbox.c.parked_at.is_not(None)))
            ).one()
        assert parked.event_key == "dog-big"
        assert parked.publish_attempts == 3
        assert "MessageRefused" in parked.park_reason or "TooLarge" in parked.park_reason
        labels = {"service": node.service}
        assert node.metrics.registry.get_sample_value("mungmo_outbox_parked_total", labels) == 1
        # Later rounds pass over the key: nothing is published again, nothing reordered.
        assert await relay.publish_pending() == 0
        assert await node.unpublished() == 3  # the parked row and the two behind it
        assert await node.effects("dog-big") == []
        published = node.metrics.registry.get_sample_value("mungmo_events_published_total", labels)
        assert published == 6  # each acknowledged row marked once


async def _insert_oversized(node: ProbeNode, *, key: str, n: int) -> None:
    payload = {"key": key, "n": n, "padding": "x" * 30_000}
    async with node.database.session() as session, session.begin():
        await session.execute(
            insert(node.database.messaging.outbox).values(
                event_id=str(uuid.uuid4()),
                topic=node.stack.private_topic_prefix + ProbeRecorded.topic,
                event_key=key,
                event_type=ProbeRecorded.event_type,
                event_version=ProbeRecorded.event_version,
                source=ProbeRecorded.source,
                occurred_at=utc_now(),
                payload=json.dumps(payload),
            )
        )


async def _outbox_count(node: ProbeNode) -> int:
    outbox = node.database.messaging.outbox
    async with node.database.session() as session:
        return int(await session.scalar(select(func.count()).select_from(outbox)) or 0)
