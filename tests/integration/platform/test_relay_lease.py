"""A relay whose lease runs out while it holds a batch (paused, or just slow) on either
stack: it does not send the stale batch, and it never un-parks a row that the relay
holding the lease parked meanwhile."""

import itertools
from collections.abc import Sequence
from datetime import timedelta

from sqlalchemy import select

from mungmo.platform.clock import utc_now
from mungmo.platform.events.relay import OutboxRelay
from mungmo.platform.events.transport import OutgoingMessage
from tests.integration.platform.test_relay_refusals import _insert_oversized
from tests.support.polling import eventually
from tests.support.probe import ProbeNode, probe_node
from tests.support.stack import Stack


async def test_a_relay_past_its_lease_does_not_send_the_batch_it_holds(stack: Stack) -> None:
    async with probe_node(stack) as node:
        await node.emit("dog-late", range(3))
        start = utc_now()
        # The lease is taken at ``start``; by the time the batch would go, it ran out.
        later = itertools.chain([start], itertools.repeat(start + timedelta(seconds=16)))
        paused = OutboxRelay(
            node.database, node.transport, service=node.service, clock=lambda: next(later)
        )
        assert await paused.publish_pending() == 0
        assert await node.unpublished() == 3

        # Its next round takes the lease again (nobody else did) and sends the rows.
        await node.start_consumer()
        assert await paused.publish_pending() == 3
        effects = await eventually(lambda: node.effects("dog-late"), until=lambda e: len(e) >= 3)
        assert effects == [0, 1, 2]


async def test_a_relay_that_lost_its_lease_never_unparks_a_row(stack: Stack) -> None:
    async with probe_node(stack, max_message_bytes=20_000) as node:
        await _insert_oversized(node, key="dog-big", n=0)
        await node.emit("dog-big", range(1, 3))
        holder = OutboxRelay(node.database, node.transport, service=node.service, max_refusals=2)
        publish = node.transport.publish

        async def lease_taken_then_refused(messages: Sequence[OutgoingMessage]) -> None:
            # While the stale relay sends, its lease runs out and the holder parks the row.
            setattr(node.transport, "publish", publish)  # noqa: B010 - once
            await eventually(lambda: _parks(holder, node), until=bool, timeout=20)
            await publish(messages)  # refused: the row is too large for this log too

        stale = OutboxRelay(
            node.database, node.transport, service=node.service, lease_seconds=1.0, max_refusals=5
        )
        setattr(node.transport, "publish", lease_taken_then_refused)  # noqa: B010 - a test seam
        assert await stale.publish_pending() == 0
        outbox = node.database.messaging.outbox
        async with node.database.session() as session:
            row = (
                await session.execute(
                    select(outbox).where(outbox.c.event_key == "dog-big").order_by(outbox.c.seq)
                )
            ).first()
        assert row is not None and row.parked_at is not None
        assert row.publish_attempts == 2  # the holder's count, not the stale relay's
        assert await node.unpublished() == 3  # the rows behind it wait


async def _parks(holder: OutboxRelay, node: ProbeNode) -> bool:
    await holder.publish_pending()  # returns 0 until the stale relay's lease ran out
    database = node.database
    outbox = database.messaging.outbox
    async with database.session() as session:
        parked = await session.scalar(select(outbox.c.seq).where(outbox.c.parked_at.is_not(None)))
    return parked is not None
