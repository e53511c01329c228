"""Property: whatever causes arrive, in whatever order and however often, the service's
score and history equal a small reference model of SPEC §3 applied in cause order."""

import asyncio
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from mungmo.platform.db import Database, UnitOfWork
from mungmo.trust.domain import score
from mungmo.trust.models import Base, MemberScore, ScoreChange
from mungmo.trust.service.context import TrustPolicy
from mungmo.trust.service.scoring import apply_score_cause
from tests.support.trust_reference import REPORT_TYPES, reference

EPOCH = datetime(2026, 12, 1, tzinfo=UTC)


@st.composite
def causes(draw: st.DrawFn) -> list[score.Cause]:
    found: list[score.Cause] = []
    reports: list[tuple[int, datetime]] = []
    for n in range(draw(st.integers(min_value=1, max_value=30))):
        at = EPOCH + timedelta(minutes=draw(st.integers(min_value=0, max_value=600)))
        kind = draw(st.sampled_from(["review", "review", "no_show", "report", "appeal", "end"]))
        if kind == "review":
            found.append(score.review(n, draw(st.integers(min_value=1, max_value=5)), at))
        elif kind == "no_show":
            found.append(score.no_show(n, at))
        elif kind == "report":
            chosen = draw(st.none() | st.integers(min_value=0, max_value=12))
            found.append(score.report_upheld(n, draw(st.sampled_from(REPORT_TYPES)), at, chosen))
            reports.append((n, at))
        elif kind == "appeal" and reports:
            report, reported_at = draw(st.sampled_from(reports))
            later = timedelta(minutes=draw(st.integers(min_value=1, max_value=60)))
            found.append(score.appeal_reversal(report, reported_at + later))
        elif kind == "end":
            found.append(score.suspension_end(n, at))
    return found


@dataclass
class Service:
    database: Database

    async def apply(self, member: uuid.UUID, arrivals: list[score.Cause]) -> None:
        # One transaction for all (fast enough for many examples); the MariaDB test
        # applies each in its own, concurrently.
        uow = UnitOfWork(self.database)
        async with uow:
            for cause in arrivals:
                await apply_score_cause(uow, member, cause, policy=TrustPolicy())
            await uow.commit()

    async def read(self, member: uuid.UUID) -> tuple[int, list[int]]:
        async with self.database.session() as session:
            final = await session.scalar(
                select(MemberScore.score).where(MemberScore.member_id == member)
            )
            history = await session.scalars(
                select(ScoreChange.score_after)
                .where(ScoreChange.member_id == member)
                .order_by(ScoreChange.occurred_at, ScoreChange.cause_key)
            )
            return int(final or 0), list(history)


def test_the_service_matches_the_reference_model_whatever_the_arrival_order(
    tmp_path: Path,
) -> None:
    loop = asyncio.new_event_loop()
    database = Database(f"sqlite+aiosqlite:///{tmp_path / 'trust.db'}", Base.metadata, name="trust")

    async def create() -> None:
        async with database.engine.begin() as connection:
            await connection.run_sync(Base.metadata.create_all)

    loop.run_until_complete(create())
    service = Service(database)

    @settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(data=st.data(), sent=causes().filter(bool))
    def check(data: st.DataObject, sent: list[score.Cause]) -> None:
        # Delivered shuffled, some twice (a redelivery, or a rating changed within 24 h).
        again = data.draw(st.lists(st.sampled_from(sent), max_size=5))
        arrivals = data.draw(st.permutations(sent + again))
        member = uuid.uuid4()
        loop.run_until_complete(service.apply(member, arrivals))
        final, history = loop.run_until_complete(service.read(member))
        first_seen = list(dict.fromkeys(c.key for c in arrivals))
        expected = reference([next(c for c in arrivals if c.key == k) for k in first_seen])
        assert history == expected
        assert final == expected[-1]

    try:
        check()
    finally:
        loop.run_until_complete(database.dispose())
        loop.close()
