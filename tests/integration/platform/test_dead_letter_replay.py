"""Dead letters replayed through the inbox once their cause is fixed, by the platform
and by ``mungmo dead-letters replay`` as an operator runs it, on either stack."""

import json
import os
import uuid
from pathlib import Path

from sqlalchemy import column, select, table
from sqlalchemy.ext.asyncio import create_async_engine

from mungmo.contracts.identity import AccountBanned
from mungmo.platform.clock import utc_now
from mungmo.platform.events.envelope import Envelope
from mungmo.platform.events.factory import build_transport
from mungmo.platform.events.replay import replay_dead_letters
from mungmo.platform.events.transport import IncomingMessage
from tests.support.polling import eventually
from tests.support.probe import probe_node
from tests.support.processes import run_mungmo
from tests.support.stack import KAFKA_BOOTSTRAP, Stack


async def test_a_parked_event_is_applied_once_after_the_fix(stack: Stack) -> None:
    async with probe_node(stack) as node:
        node.refuse = {1}  # the bug
        consumer = await node.start_consumer()
        node.start_relay()
        await node.emit("dog-replay", range(3), poison={2})
        await eventually(lambda: node.effects("dog-replay"), until=lambda e: e == [0])
        letters = await eventually(node.dead_letters, until=lambda found: len(found) == 2)
        assert await node.effects("dog-replay") == [0]

        node.refuse = set()  # the fix is deployed; the poison event stays poison
        results = await replay_dead_letters(
            node.transport, [consumer], consumer=f"{node.service}.record"
        )
        assert sorted(r.outcome for r in results) == ["applied", "failed"]
        assert "poison event 2" in next(r.detail for r in results if r.outcome == "failed")
        assert await node.effects("dog-replay") == [0, 1]

        # Replaying again (or a letter whose event was applied meanwhile) changes nothing.
        refused = next(letter for letter in letters if "refused event 1" in letter.error)
        (again,) = await replay_dead_letters(node.transport, [consumer], letter_id=refused.id)
        assert again.outcome == "duplicate"
        assert await node.effect_count() == 2
        assert await replay_dead_letters(node.transport, [consumer], letter_id="nope") == []


async def test_the_command_replays_a_letter_into_the_service_database(
    stack: Stack, tmp_path: Path
) -> None:
    prefix = stack.private_topic_prefix
    env = {
        **os.environ,
        "MUNGMO_DATA_DIR": str(tmp_path / "data"),
        "MUNGMO_EVENTS_TRANSPORT": "kafka" if stack.kind == "real" else "embedded",
        "MUNGMO_KAFKA_BOOTSTRAP_SERVERS": KAFKA_BOOTSTRAP,
        "MUNGMO_KAFKA_TOPIC_PREFIX": prefix,
        "MUNGMO_LOG_JSON": "true",
    }
    urls = {service: stack.database_url(service) for service in ("identity", "member", "media")}
    if stack.kind == "real":
        env.update({f"MUNGMO_{s.upper()}_DATABASE_URL": url for s, url in urls.items()})
    else:
        urls = {s: f"sqlite+aiosqlite:///{tmp_path / 'data' / f'{s}.db'}" for s in urls}
    settings = stack.platform_settings(data_dir=tmp_path / "data", kafka_topic_prefix=prefix)
    transport = build_transport(settings, client_id="replay-test")
    await transport.start([prefix + AccountBanned.topic])
    account_id = uuid.uuid4()
    banned = AccountBanned(account_id=account_id, banned_at=utc_now())
    envelope = Envelope(
        id=uuid.uuid4(),
        type=banned.event_type,
        version=banned.event_version,
        source=banned.source,
        key=str(account_id),
        time=utc_now(),
        payload=banned.model_dump(mode="json"),
    )
    message = IncomingMessage(
        topic=prefix + banned.topic,
        partition=0,
        offset=41,
        key=str(account_id),
        value=envelope.to_bytes(),
    )
    try:
        # Parked earlier by media's consumer, while a bug made the handler fail.
        await transport.dead_letter(message, consumer="media.deny_banned", error="old bug")
        letters = await eventually(
            lambda: _letters_of(transport, envelope.id), until=bool, timeout=30
        )
    finally:
        await transport.stop()
    (letter,) = letters

    first = await run_mungmo(env, "dead-letters", "replay", "--id", letter.id)
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout.splitlines()[-1])["outcome"] == "applied"
    assert await _denied(urls["media"]) == [str(account_id).replace("-", "")]

    # Already at head: the second run need not look at migrations.
    second = await run_mungmo(
        {**env, "MUNGMO_AUTO_MIGRATE": "false"}, "dead-letters", "replay", "--id", letter.id
    )
    assert second.returncode == 0, second.stderr
    assert json.loads(second.stdout.splitlines()[-1])["outcome"] == "duplicate"
    assert len(await _denied(urls["media"])) == 1


async def _letters_of(transport: object, event_id: uuid.UUID) -> list:  # type: ignore[type-arg]
    letters = await transport.list_dead_letters(10_000)  # type: ignore[attr-defined]
    return [letter for letter in letters if str(event_id) in letter.value]


async def _denied(url: str) -> list[str]:
    engine = create_async_engine(url)
    try:
        async with engine.connect() as connection:
            denials = table("access_denials", column("account_id"))
            rows = await connection.execute(select(denials.c.account_id))
            return [str(row.account_id).replace("-", "") for row in rows]
    finally:
        await engine.dispose()
