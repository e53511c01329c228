"""Retention on either stack: what is pruned, what never is, and a consumer that was
away for less than the retention finds everything it missed."""

import asyncio
import contextlib
from datetime import timedelta

import pytest
from sqlalchemy import delete, func, select, text, update

from mungmo.platform.clock import utc_now
from mungmo.platform.events.embedded import event_log
from mungmo.platform.events.retention import IdleKey, Pruner, delete_idle_keys, idle_keys
from tests.support.polling import eventually
from tests.support.probe import ProbeNode, ProbeRecorded, probe_node
from tests.support.stack import Stack


def _pruner(
    node: ProbeNode, *, days_later: float, key_retention: timedelta | None = None
) -> Pruner:
    later = utc_now() + timedelta(days=days_later)
    prunable = node.transport if hasattr(node.transport, "prune") else None
    return Pruner(
        [node.database],
        event_log=prunable,  # type: ignore[arg-type]  # Kafka prunes its own topics
        outbox_retention=timedelta(days=1),
        inbox_retention=timedelta(days=14),
        log_retention=timedelta(days=7),
        interval_seconds=3600,
        key_retention=key_retention,
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


async def test_idle_keys_lose_their_lock_rows_busy_ones_keep_them(stack: Stack) -> None:
    async with probe_node(stack) as node:
        await node.start_consumer()
        node.start_relay()
        await node.emit("dog-idle", range(3))
        await eventually(node.unpublished, until=lambda n: n == 0)
        await node.stop_tasks()
        await node.emit("dog-waiting", range(1))  # committed, not yet published
        await node.emit("dog-parked", range(1))
        outbox = node.database.messaging.outbox
        async with node.database.session() as session, session.begin():
            await session.execute(
                update(outbox).where(outbox.c.event_key == "dog-parked").values(parked_at=utc_now())
            )
        half_a_day = timedelta(hours=12)

        await _pruner(node, days_later=0.25, key_retention=half_a_day).prune_once()
        assert await _keys(node) == ["dog-idle", "dog-parked", "dog-waiting"]  # all recent
        await _pruner(node, days_later=0.75, key_retention=half_a_day).prune_once()
        assert await _keys(node) == ["dog-parked", "dog-waiting"]  # nothing there to publish
        assert await _rows(node, "outbox") == 5  # its published rows outlive the key's row

        await node.start_consumer()
        node.start_relay()
        await node.emit("dog-idle", range(3, 5))  # the row comes back with the key's next emit
        assert await _keys(node) == ["dog-idle", "dog-parked", "dog-waiting"]
        effects = await eventually(lambda: node.effects("dog-idle"), until=lambda e: len(e) >= 5)
        assert effects == list(range(5))
    with pytest.raises(ValueError, match="cannot be longer"):
        _pruner(node, days_later=0, key_retention=timedelta(days=2))


async def test_pruning_a_key_row_never_lets_two_writers_of_the_key_interleave(
    stack: Stack,
) -> None:
    """On MariaDB (``--stack=real``) this races real row locks; SQLite serialises."""
    async with probe_node(stack) as node:
        await node.start_consumer()
        await node.emit("dog-race", range(1))
        (seen,) = [k for k in await _idle(node) if k.event_key == "dog-race"]

        # An emitter holds the key's row when the delete comes: the delete waits, and
        # then finds the key emitted for since it was read and keeps it.
        async with node.uow() as uow:
            uow.emit(ProbeRecorded(key="dog-race", n=1), key="dog-race")
            await uow.flush()
            deleting = asyncio.create_task(delete_idle_keys(node.database, [seen]))
            with contextlib.suppress(AssertionError):  # a loaded server may not show it
                await eventually(lambda: _delete_waits(node, deleting), until=bool, timeout=5)
            await uow.commit()
        assert await asyncio.wait_for(deleting, 60) == 0
        assert await _keys(node) == ["dog-race"]

        # Stricter than the job: the row is deleted, whatever its count, each time the
        # deleter gets its lock, between concurrent writers of the key queued on it.
        # They still commit, and apply, in order.
        committed: list[int] = []
        writers_done = asyncio.Event()
        deletions = 0

        async def write(n: int) -> None:
            async with node.uow() as uow:
                uow.emit(ProbeRecorded(key="dog-race", n=n), key="dog-race")
                await uow.flush()
                await asyncio.sleep(0)  # let the other writers and the deleter in here
                await uow.commit()
            committed.append(n)

        async def delete_whenever_unlocked() -> None:
            nonlocal deletions
            keys = node.database.messaging.outbox_keys
            while not writers_done.is_set():
                async with node.database.session() as session, session.begin():
                    result = await session.execute(
                        delete(keys).where(keys.c.event_key == "dog-race")
                    )
                deletions += result.rowcount  # type: ignore[attr-defined]
                await asyncio.sleep(0)

        deleter = asyncio.create_task(delete_whenever_unlocked())
        try:
            await asyncio.wait_for(asyncio.gather(*[write(n) for n in range(2, 12)]), 120)
        finally:
            writers_done.set()
            await asyncio.wait_for(deleter, 60)
        node.start_relay()
        effects = await eventually(
            lambda: node.effects("dog-race"), until=lambda e: len(e) >= 12, timeout=60
        )
        assert effects == [0, 1, *committed]
        assert deletions >= 1, "the deleter never got between two writers"


async def _idle(node: ProbeNode) -> list[IdleKey]:
    later = utc_now() + timedelta(hours=1)  # every emit so far counts as old
    node.start_relay()
    await eventually(node.unpublished, until=lambda n: n == 0)
    await node.stop_tasks()
    await node.start_consumer()
    return await idle_keys(node.database, cutoff=later, limit=100)


async def _all_keys(node: ProbeNode) -> list[IdleKey]:
    keys = node.database.messaging.outbox_keys
    async with node.database.session() as session:
        rows = await session.execute(select(keys.c.topic, keys.c.event_key, keys.c.emits))
        return [IdleKey(topic, key, emits) for topic, key, emits in rows]


async def _keys(node: ProbeNode) -> list[str]:
    return sorted(key.event_key for key in await _all_keys(node))


async def _delete_waits(node: ProbeNode, deleting: "asyncio.Task[int]") -> bool:
    if deleting.done() or node.database.is_sqlite:  # SQLite: BEGIN IMMEDIATE waits
        return True
    async with node.database.engine.connect() as connection:
        waiting = await connection.scalar(
            # A one-row delete seen still 'Updating' is waiting for the row's lock.
            text(
                "SELECT COUNT(*) FROM information_schema.processlist WHERE state = 'Updating' "
                "AND info LIKE 'DELETE FROM outbox_keys%dog-race%'"
            )
        )
    return bool(waiting)


async def _rows(node: ProbeNode, table: str) -> int:
    tables = {"outbox": node.database.messaging.outbox, "inbox": node.database.messaging.inbox}
    async with node.database.session() as session:
        return int(await session.scalar(select(func.count()).select_from(tables[table])) or 0)
