"""Each partition has its own worker: a partition whose handler is slow holds back
only itself. MariaDB + Kafka only: on SQLite a handler that waits inside its
transaction holds the database's single write lock, so every writer waits anyway."""

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

from tests.support.polling import eventually
from tests.support.probe import ProbeNode, ProbeNoted, probe_node
from tests.support.stack import Stack


async def test_a_slow_partition_does_not_hold_back_another(tmp_path: Path) -> None:
    stack = Stack(kind="real", data_dir=tmp_path)
    try:
        async with probe_node(stack) as node:
            gate = node.gates["dog-slow"] = asyncio.Event()
            await node.start_consumer(notes=True)
            node.start_relay()
            # ProbeNoted has a topic (so a partition) of its own; its handler now waits.
            await node.publish_envelope(ProbeNoted(key="dog-slow", n=0), key="dog-slow")
            await eventually(_at_gate(node), until=bool)
            await node.emit("dog-fast", range(50))
            fast = await eventually(
                lambda: node.effects("dog-fast"), until=lambda e: len(e) == 50, timeout=30
            )
            assert fast == list(range(50))
            assert await node.effects("dog-slow") == []  # still in its handler
            gate.set()
            assert await eventually(lambda: node.effects("dog-slow"), until=bool) == [0]
    finally:
        await stack.drop_databases()


def _at_gate(node: ProbeNode) -> Callable[[], Awaitable[bool]]:
    async def waiting() -> bool:
        return "dog-slow" in node.waiting_at_gate

    return waiting


async def test_a_slow_key_does_not_hold_back_other_keys_of_its_partition(tmp_path: Path) -> None:
    stack = Stack(kind="real", data_dir=tmp_path)
    try:
        async with probe_node(stack) as node:
            gate = node.gates["dog-slow"] = asyncio.Event()
            await node.start_consumer()
            node.start_relay()
            await node.emit("dog-slow", range(3))
            await eventually(_at_gate(node), until=bool)
            # Twelve keys over three partitions: some share the slow key's partition.
            for key in range(12):
                await node.emit(f"dog-{key}", range(5))
            for key in range(12):
                effects = await eventually(
                    lambda key=key: node.effects(f"dog-{key}"), until=lambda e: len(e) == 5
                )
                assert effects == list(range(5))
            assert await node.effects("dog-slow") == []
            gate.set()
            slow = await eventually(lambda: node.effects("dog-slow"), until=lambda e: len(e) == 3)
            assert slow == [0, 1, 2]
    finally:
        await stack.drop_databases()
