"""Score causes that arrive as events or as due jobs: meetup reviews, no-shows, the end
of a suspension. Each runs on the open unit of work of the consumer or job runner."""

import uuid
from datetime import datetime

from sqlalchemy import select

from mungmo.platform.db import UnitOfWork
from mungmo.trust.domain import score
from mungmo.trust.models import Suspension
from mungmo.trust.service.context import TrustPolicy
from mungmo.trust.service.scoring import (
    active_suspension,
    apply_score_cause,
    end_suspension_now,
    lock_score,
)


async def record_review(
    uow: UnitOfWork,
    *,
    policy: TrustPolicy,
    review_id: uuid.UUID,
    member_id: uuid.UUID,
    stars: int,
    submitted_at: datetime,
) -> None:
    """A rating counts once per review: a changed rating (same review id) adds nothing."""
    async with uow:
        cause = score.review(review_id, stars, submitted_at)
        await apply_score_cause(uow, member_id, cause, policy=policy)
        await uow.commit()


async def record_no_show(
    uow: UnitOfWork,
    *,
    policy: TrustPolicy,
    meetup_id: uuid.UUID,
    member_id: uuid.UUID,
    recorded_at: datetime,
) -> None:
    async with uow:
        await apply_score_cause(
            uow, member_id, score.no_show(meetup_id, recorded_at), policy=policy
        )
        await uow.commit()


async def end_suspension(uow: UnitOfWork, *, policy: TrustPolicy, suspension_id: uuid.UUID) -> None:
    """The suspension's time is up: writes are accepted again and the score is set to 10
    (a cause dated at the suspension's end, so it keeps its place in cause order)."""
    async with uow:
        member_id = await uow.session.scalar(
            select(Suspension.member_id).where(Suspension.id == suspension_id)
        )
        if member_id is None:
            return
        await lock_score(uow, member_id)  # the member's lock first, as every cause takes it
        current = await active_suspension(uow, member_id)
        if current is None or current.id != suspension_id:
            return  # lifted meanwhile (an accepted appeal)
        await end_suspension_now(uow, current, reason="expired")
        cause = score.suspension_end(suspension_id, current.ends_at)
        await apply_score_cause(uow, member_id, cause, policy=policy)
        await uow.commit()
