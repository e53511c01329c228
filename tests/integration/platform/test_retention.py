"""Retention on either stack: what is pruned, what never is, and a consumer that was
away for less than the retention finds everything it missed."""

from datetime import timedelta

from sqlalchemy import func, select, update

from mungmo.platform.clock import utc_now
from mungmo.platform.events.embedded import event_log
from mungmo.platform.events.retention import Pruner
from tests.support.polling import eventually
from tests.support.probe import ProbeNode, probe_node
from tests.support.stack import Stack


def _pruner(node: ProbeNode, *, days_later: float) -> Pruner:
    later = utc_now() + timedelta(days=days_later)
    prunable = node.transport if hasattr(node.transport, "prune") else None
    return Pruner(
        [node.database],
        event_log=prunable,  # type: ignore[arg-type]  # Kafka prunes its own topics
        outbox_retention=timedelta(days=1),
        inbox_retention=timedelta(days=14),
        log_retention=timedelta(days=7),
        interval_seconds=3600,
        clock=lambda: later,
    )


async def test_published_rows_and_old_claims_are_pruned_unpublished_rows_never(
    stack: Stack,
) -> None:
    async with probe_node(stack) as node:
        await node.start_consumer()
        node.start_relay()
        await node.emit("dog-old", range(3))
        await eventually(lambda: node.effects("dog-old"), until=lambda e: len(e) == 3)
        await eventually(node.unpublished, until=lambda n: n == 0)
        await node.stop_tasks()
        await node.emit("dog-old", range(3, 4))  # committed, not yet published

        await _pruner(node, days_later=0.5).prune_once()  # within every retention
        assert await _rows(node, "outbox") == 4
        assert await _rows(node, "inbox") == 3

        await _pruner(node, days_later=2).prune_once()  # past the outbox's retention
        assert await _rows(node, "outbox") == 1  # the unpublished one stays
        assert await node.unpublished() == 1
        assert await _rows(node, "inbox") == 3  # claims outlive redeliveries

        await _pruner(node, days_later=15).prune_once()
        assert await _rows(node, "inbox") == 0
        assert await node.unpublished() == 1


async def test_a_consumer_away_within_retention_catches_up(stack: Stack) -> None:
    service = "probeaway" + stack.run_id[:4]
    url = stack.database_url(service)
    async with probe_node(stack, service=service, database_url=url) as node:
        await node.start_consumer()
        node.start_relay()
        await node.emit("dog-away", range(2))
        await eventually(lambda: node.effects("dog-away"), until=lambda e: len(e) == 2)
        await node.stop_tasks()  # the consumer goes away; its offsets stay committed
        if hasattr(node.transport, "prune"):
            # What it read before leaving is old: past the log's retention.
            async with node.transport.engine.begin() as connection:  # type: ignore[attr-defined]
                await connection.execute(
                    update(event_log).values(appended_at=utc_now() - timedelta(days=8))
                )
        node.start_relay()
        await node.emit("dog-away", range(2, 6))
        await eventually(node.unpublished, until=lambda n: n == 0)
        await _pruner(node, days_later=3).prune_once()  # away for 3 days of 7
        if hasattr(node.transport, "prune"):
            async with node.transport.engine.connect() as connection:  # type: ignore[attr-defined]
                kept = await connection.scalar(select(func.count()).select_from(event_log))
            assert kept == 4  # the two old messages are gone, the four it missed are not
        await node.stop_tasks()
    async with probe_node(stack, service=service, database_url=url) as back:
        await back.start_consumer()
        effects = await eventually(
            lambda: back.effects("dog-away"), until=lambda e: len(e) == 6, timeout=30
        )
        assert effects == list(range(6))


async def _rows(node: ProbeNode, table: str) -> int:
    tables = {"outbox": node.database.messaging.outbox, "inbox": node.database.messaging.inbox}
    async with node.database.session() as session:
        return int(await session.scalar(select(func.count()).select_from(tables[table])) or 0)
