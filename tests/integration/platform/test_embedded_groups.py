"""The embedded log keeps one live member per consumer group: a second instance of a
service stands by instead of consuming everything a second time, and takes over when
the first one stops."""

from pathlib import Path

import pytest

from mungmo.platform.events.embedded import EmbeddedLog
from mungmo.platform.events.embedded_groups import GroupMemberActive
from tests.support.polling import eventually
from tests.support.probe import probe_node
from tests.support.stack import Stack


async def test_a_second_member_of_a_group_is_refused_while_the_first_lives(
    tmp_path: Path,
) -> None:
    log = EmbeddedLog(f"sqlite+aiosqlite:///{tmp_path / 'events.db'}", session_seconds=30)
    await log.start([])
    try:
        first = await log.subscribe("mungmo.member", ["mungmo.identity.account"])
        with pytest.raises(GroupMemberActive, match="live member"):
            await log.subscribe("mungmo.member", ["mungmo.identity.account"])
        other_group = await log.subscribe("mungmo.media", ["mungmo.identity.account"])
        await other_group.close()
        await first.close()
        second = await log.subscribe("mungmo.member", ["mungmo.identity.account"])
        await second.close()
    finally:
        await log.stop()


async def test_a_standby_instance_takes_over_and_nothing_is_applied_twice(
    tmp_path: Path,
) -> None:
    stack = Stack(kind="embedded", data_dir=tmp_path)
    service = "probegroup"
    url = stack.database_url(service)
    async with (
        probe_node(stack, service=service, database_url=url) as active,
        probe_node(stack, service=service, database_url=url) as standby,
    ):
        await active.start_consumer()
        await standby.start_consumer()  # ready, but standing by
        active.start_relay()
        await active.emit("dog-group", range(10))
        await eventually(lambda: active.effects("dog-group"), until=lambda e: len(e) == 10)
        assert [p for p in active.processed if p.duplicate] == []
        assert standby.processed == []
        await active.stop_tasks()  # the first instance stops; the standby takes over
        standby.start_relay()
        await standby.emit("dog-group", range(10, 15))
        effects = await eventually(
            lambda: standby.effects("dog-group"), until=lambda e: len(e) == 15, timeout=30
        )
        assert effects == list(range(15))
        assert [p for p in standby.processed if p.duplicate] == []
