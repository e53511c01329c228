"""What the trust service consumes: meetup reviews and no-shows (events) and the ends of
suspensions (scheduled jobs). Each only translates its input into one use case call."""

import uuid

from mungmo.contracts.meetup import MeetupReviewSubmitted, NoShowRecorded
from mungmo.platform.db import UnitOfWork
from mungmo.platform.scheduling import Job
from mungmo.trust.service import causes
from mungmo.trust.service.context import TrustPolicy


async def on_meetup_review_submitted(
    event: MeetupReviewSubmitted, uow: UnitOfWork, *, policy: TrustPolicy
) -> None:
    await causes.record_review(
        uow,
        policy=policy,
        review_id=event.review_id,
        member_id=event.member_id,
        stars=event.stars,
        submitted_at=event.submitted_at,
    )


async def on_no_show_recorded(
    event: NoShowRecorded, uow: UnitOfWork, *, policy: TrustPolicy
) -> None:
    await causes.record_no_show(
        uow,
        policy=policy,
        meetup_id=event.meetup_id,
        member_id=event.member_id,
        recorded_at=event.recorded_at,
    )


async def on_suspension_due(uow: UnitOfWork, job: Job, *, policy: TrustPolicy) -> None:
    await causes.end_suspension(
        uow, policy=policy, suspension_id=uuid.UUID(job.payload["suspension_id"])
    )
