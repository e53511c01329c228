"""1,000 mixed score causes for one member on MariaDB, delivered by six concurrent
consumers (each its own sessions, claims in the inbox, some events twice): the final
score and every change equal the reference model applied in cause order."""

import asyncio
import random
import uuid
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError

from mungmo.platform.db import Database, DuplicateEvent, UnitOfWork
from mungmo.platform.db.database import ensure_database_exists
from mungmo.platform.db.uow import InboxClaim
from mungmo.trust.domain import score
from mungmo.trust.models import Base, MemberScore, ScoreChange
from mungmo.trust.service.context import TrustPolicy
from mungmo.trust.service.scoring import apply_score_cause
from tests.support.stack import Stack
from tests.support.trust_reference import random_causes, reference

CAUSES = 1_000
CONSUMERS = 6
REDELIVERED = 150


async def _deliver(
    database: Database, member: uuid.UUID, event_id: uuid.UUID, cause: score.Cause
) -> str:
    """As the platform consumer does: inbox claim and effect in one transaction; a lock
    wait or deadlock is retried (the consumer pauses the partition and retries)."""
    for _ in range(20):
        uow = UnitOfWork(database, inbox_claim=InboxClaim("trust.concurrency", event_id))
        try:
            async with uow.handling():
                applied = await apply_score_cause(uow, member, cause, policy=TrustPolicy())
            return "applied" if applied else "same cause"
        except DuplicateEvent:
            return "duplicate"
        except DBAPIError:
            await asyncio.sleep(0.05)
    raise AssertionError(f"{cause.key} kept failing")


async def test_a_thousand_concurrent_causes_give_the_reference_score(tmp_path: Path) -> None:
    stack = Stack(kind="real", data_dir=tmp_path)
    url = stack.database_url("trust")
    await ensure_database_exists(url)
    database = Database(url, Base.metadata, name="trust")
    try:
        async with database.engine.begin() as connection:
            await connection.run_sync(Base.metadata.create_all)
        rng = random.Random(8)
        causes = random_causes(rng, CAUSES, datetime(2026, 12, 1, tzinfo=UTC))
        # One consumer per partition: a cause, its redeliveries and a changed rating (a
        # new event for the same review) share one, in the order the meetup published.
        shares: list[list[tuple[uuid.UUID, score.Cause]]] = [[] for _ in range(CONSUMERS)]
        again = set(rng.sample(range(CAUSES), REDELIVERED))
        changed = set(rng.sample([n for n, c in enumerate(causes) if c.kind == "review"], 50))
        for n, cause in enumerate(causes):
            share, event_id = shares[rng.randrange(CONSUMERS)], uuid.uuid4()
            share.append((event_id, cause))
            if n in again:
                share.append((event_id, cause))
            if n in changed:
                rating = score.review(cause.key.removeprefix("review:"), 1, cause.occurred_at)
                share.append((uuid.uuid4(), rating))
        for share in shares:  # each partition in cause order (stable: a change after its review)
            share.sort(key=lambda delivery: delivery[1].order)
        member = uuid.uuid4()

        async def consume(share: list[tuple[uuid.UUID, score.Cause]]) -> list[str]:
            return [await _deliver(database, member, eid, cause) for eid, cause in share]

        outcomes = [o for found in await asyncio.gather(*map(consume, shares)) for o in found]

        assert outcomes.count("applied") == CAUSES
        assert outcomes.count("duplicate") + outcomes.count("same cause") == REDELIVERED + 50
        expected = reference(causes)
        async with database.session() as session:
            history = list(
                await session.scalars(
                    select(ScoreChange.score_after)
                    .where(ScoreChange.member_id == member)
                    .order_by(ScoreChange.occurred_at, ScoreChange.cause_key)
                )
            )
            final = await session.get(MemberScore, member)
            published = await session.scalar(
                select(func.count()).select_from(database.messaging.outbox)
            )
        assert history == expected
        assert final is not None
        assert (final.score, final.version) == (expected[-1], CAUSES)
        assert published is not None and published >= CAUSES  # one TrustScoreChanged each
    finally:
        await database.dispose()
        await stack.drop_databases()
