"""A parked outbox row released once its cause is fixed: it and the rows of its key that
waited behind it go out in key order, each once; by the platform and by ``mungmo outbox``
as an operator runs it (either stack)."""

import asyncio
import json
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import create_async_engine

from mungmo.platform.clock import utc_now
from mungmo.platform.db import service_metadata
from mungmo.platform.db.messaging import MessagingTables
from mungmo.platform.events.factory import build_transport
from mungmo.platform.events.parking import list_parked, release_parked
from mungmo.platform.events.relay import OutboxRelay
from mungmo.platform.events.transport import Transport
from mungmo.platform.metrics import Metrics
from tests.integration.platform.test_relay_refusals import _insert_oversized
from tests.support.polling import eventually
from tests.support.probe import PROBE_TOPICS, ProbeNode, probe_node
from tests.support.processes import run_mungmo
from tests.support.stack import KAFKA_BOOTSTRAP, Stack


async def test_a_released_row_and_the_rows_behind_it_go_out_in_key_order_once(
    stack: Stack,
) -> None:
    async with probe_node(stack, max_message_bytes=20_000) as node:
        await node.start_consumer()
        await node.emit("dog-ok", range(3))
        await _insert_oversized(node, key="dog-big", n=0)  # too large for this log
        await node.emit("dog-big", range(1, 3))
        await node.emit("dog-ok", range(3, 6))
        refusing = OutboxRelay(
            node.database, node.transport, service=node.service, max_refusals=3, poll_seconds=0.05
        )
        running = asyncio.create_task(refusing.run())
        await eventually(lambda: node.effects("dog-ok"), until=lambda e: e == list(range(6)))
        (parked,) = await eventually(lambda: list_parked(node.database), until=bool)
        assert (parked.service, parked.key, parked.attempts) == (node.service, "dog-big", 3)
        assert parked.waiting == 2  # rows 1 and 2 of its key wait behind it
        assert parked.reason and ("TooLarge" in parked.reason or "Refused" in parked.reason)
        assert await refusing.publish_pending() == 0
        running.cancel()  # stopped for the redeploy: it hands its lease back
        await asyncio.gather(running, return_exceptions=True)

        # The fix: the log's limit is raised and the relay restarted with it.
        async with _transport(node, max_message_bytes=1_048_576) as raised:
            metrics = Metrics()
            relay = OutboxRelay(node.database, raised, service=node.service, metrics=metrics)
            assert await relay.publish_pending() == 0  # parked stays parked until released
            assert await release_parked(node.database, seq=parked.seq + 1_000_000) == 0
            assert await release_parked(node.database, seq=parked.seq) == 1
            assert await list_parked(node.database) == []
            assert await relay.publish_pending() == 3
            assert await relay.publish_pending() == 0
            effects = await eventually(
                lambda: node.effects("dog-big"), until=lambda e: len(e) >= 3, timeout=30
            )
            assert effects == [0, 1, 2]
            assert await release_parked(node.database) == 0  # nothing parked is left
        assert await node.unpublished() == 0
        labels = {"service": node.service}
        assert metrics.registry.get_sample_value("mungmo_events_published_total", labels) == 3
        assert await node.effects("dog-big") == [0, 1, 2]  # and no redelivery doubled one


async def test_the_command_lists_and_releases_a_parked_row(
    stack: Stack,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    env = {
        "MUNGMO_DATA_DIR": str(tmp_path / "data"),
        "MUNGMO_EVENTS_TRANSPORT": "kafka" if stack.kind == "real" else "embedded",
        "MUNGMO_KAFKA_BOOTSTRAP_SERVERS": KAFKA_BOOTSTRAP,
        "MUNGMO_LOG_JSON": "false",
    }
    url = stack.database_url("member")
    if stack.kind == "real":
        env["MUNGMO_MEMBER_DATABASE_URL"] = url
    else:
        url = f"sqlite+aiosqlite:///{tmp_path / 'data' / 'member.db'}"
    for name, value in env.items():
        monkeypatch.setenv(name, value)

    # In this process (each new one spends seconds importing), but for the listing.
    assert await _command("outbox", "parked", "--service", "member") == 0  # migrates
    assert capsys.readouterr().out.strip() == "no parked outbox rows"
    seq = await _park_a_row(url)

    listed = await run_mungmo({**os.environ, **env}, "outbox", "parked", "--service", "member")
    assert listed.returncode == 0, listed.stderr
    row = json.loads(listed.stdout.splitlines()[-1])
    assert (row["service"], row["seq"], row["key"], row["attempts"]) == ("member", seq, "k", 5)
    assert (row["reason"], row["waiting"]) == ("MessageRefused: too large", 0)

    with pytest.raises(SystemExit, match="--seq needs --service"):
        await _command("outbox", "release", "--seq", str(seq))
    with pytest.raises(SystemExit, match=r"--seq N .* or --all"):
        await _command("outbox", "release", "--service", "member")
    assert await _command("outbox", "release", "--service", "member", "--seq", str(seq)) == 0
    assert "member: released 1 row(s)" in capsys.readouterr().out
    assert await _parked_seqs(url) == []
    assert await _command("outbox", "release", "--service", "member", "--all") == 2


async def _command(*args: str) -> int | str | None:
    """Runs ``mungmo`` in a thread (it runs its own event loop); returns its exit status."""
    from mungmo import cli

    try:
        await asyncio.to_thread(cli.main, list(args))
    except SystemExit as exit_:
        if isinstance(exit_.code, str):
            raise
        return exit_.code
    return 0


@asynccontextmanager
async def _transport(node: ProbeNode, *, max_message_bytes: int) -> AsyncIterator[Transport]:
    settings = node.stack.platform_settings(events_max_message_bytes=max_message_bytes)
    transport = build_transport(settings, client_id=f"{node.service}-raised")
    await transport.start([node.stack.private_topic_prefix + t for t in PROBE_TOPICS])
    try:
        yield transport
    finally:
        await transport.stop()


_OUTBOX = MessagingTables.of(service_metadata()).outbox


async def _park_a_row(url: str) -> int:
    engine = create_async_engine(url)
    try:
        async with engine.begin() as connection:
            result = await connection.execute(
                insert(_OUTBOX).values(
                    event_id="00000000-0000-4000-8000-000000000001",
                    topic="mungmo.member.member",
                    event_key="k",
                    event_type="member.MemberTest",
                    event_version=1,
                    source="member",
                    occurred_at=utc_now(),
                    payload="{}",
                    publish_attempts=5,
                    parked_at=utc_now(),
                    park_reason="MessageRefused: too large",
                )
            )
            (seq,) = result.inserted_primary_key or (0,)
            return int(seq)
    finally:
        await engine.dispose()


async def _parked_seqs(url: str) -> list[int]:
    engine = create_async_engine(url)
    try:
        async with engine.connect() as connection:
            rows = await connection.scalars(
                select(_OUTBOX.c.seq).where(_OUTBOX.c.parked_at.is_not(None))
            )
            return list(rows)
    finally:
        await engine.dispose()
