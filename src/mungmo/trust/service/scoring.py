"""Applies score causes: one function every cause goes through, inside an open unit of work.

``apply_score_cause`` locks the member's score row first (so one member's causes apply
one at a time on every database), records the cause once (its key is unique per member),
slots it into cause order, recomputes the changes after it when it came late, publishes
``TrustScoreChanged`` and starts or lifts a suspension. It never commits: the caller's
transaction (a consumer's, a job's, a moderation use case's) commits it with the rest.

A suspension follows the live score: it starts when the score becomes 0, and a later
recomputation does not undo it; only an accepted appeal against the report that brought
the score to 0 lifts it early.
"""

import uuid
from dataclasses import dataclass

from sqlalchemy import Executable, and_, or_, select
from sqlalchemy.dialects.mysql import insert as mysql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from mungmo.contracts.trust import MemberSuspended, SuspensionEnded, TrustScoreChanged
from mungmo.platform.db import UnitOfWork
from mungmo.platform.ids import new_id
from mungmo.platform.scheduling import cancel_job, schedule_job
from mungmo.trust.domain.score import STARTING_SCORE, Cause, step
from mungmo.trust.models import MemberScore, ScoreChange, Suspension
from mungmo.trust.service.context import TrustPolicy

END_SUSPENSION_JOB = "trust.end_suspension"


@dataclass(frozen=True)
class AppliedCause:
    """What one cause did: its own change, and the member's score afterwards (which may
    differ from ``change.score_after`` when the cause came late and later ones follow)."""

    change_id: uuid.UUID
    delta: int
    score: int
    version: int
    suspension_id: uuid.UUID | None


async def lock_score(uow: UnitOfWork, member_id: uuid.UUID) -> MemberScore:
    """The member's score row, created at 30 if new, locked until the transaction ends.

    An upsert takes the row's write lock directly (a select-then-insert of a new member
    by two writers would deadlock on MariaDB's gap locks)."""
    values = {"member_id": member_id, "score": STARTING_SCORE, "version": 0}
    upsert: Executable = (
        sqlite_insert(MemberScore).values(**values).on_conflict_do_nothing()
        if uow.database.is_sqlite
        else mysql_insert(MemberScore)
        .values(**values)
        .on_duplicate_key_update(version=MemberScore.version)
    )
    await uow.session.execute(upsert)
    score = await uow.session.scalar(
        select(MemberScore)
        .where(MemberScore.member_id == member_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    assert score is not None
    return score


async def active_suspension(uow: UnitOfWork, member_id: uuid.UUID) -> Suspension | None:
    """Under the score row's lock (locking read: the latest committed row)."""
    found: Suspension | None = await uow.session.scalar(
        select(Suspension)
        .where(Suspension.member_id == member_id, Suspension.ended_at.is_(None))
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    return found


async def apply_score_cause(
    uow: UnitOfWork, member_id: uuid.UUID, cause: Cause, *, policy: TrustPolicy
) -> AppliedCause | None:
    """Applies ``cause`` to ``member_id``'s score inside ``uow`` (already open, not
    committed here). None when this cause (its key) was applied before."""
    score = await lock_score(uow, member_id)
    session = uow.session
    known = await session.scalar(
        select(ScoreChange.id).where(
            ScoreChange.member_id == member_id, ScoreChange.cause_key == cause.key
        )
    )
    if known is not None:
        return None
    before = score.score
    after_order = or_(
        ScoreChange.occurred_at > cause.occurred_at,
        and_(ScoreChange.occurred_at == cause.occurred_at, ScoreChange.cause_key > cause.key),
    )
    mine = ScoreChange.member_id == member_id
    in_order = (ScoreChange.occurred_at, ScoreChange.cause_key)
    later = list(
        await session.scalars(
            select(ScoreChange)
            .where(mine, after_order)
            .order_by(*in_order)
            .with_for_update()
            .execution_options(populate_existing=True)
        )
    )
    # In order (the usual case), the score before is the current one; a late cause
    # starts from the change just before it.
    previous = (
        score.score
        if not later
        else await session.scalar(
            select(ScoreChange.score_after)
            .where(mine, ~after_order)
            .order_by(*(column.desc() for column in in_order))
            .limit(1)
        )
    )
    change = ScoreChange(
        id=new_id(),
        member_id=member_id,
        cause_kind=cause.kind,
        cause_key=cause.key,
        occurred_at=cause.occurred_at,
        stars=cause.stars,
        report_type=cause.report_type,
        chosen_penalty=cause.chosen_penalty,
        reverses=cause.reverses,
        score_before=STARTING_SCORE if previous is None else previous,
        score_after=0,
        recorded_at=uow.clock(),
    )
    session.add(change)
    running = change.score_before
    for row in [change, *later]:
        applied = await _reversed_deltas(uow, member_id, row, [change, *later])
        done = step(running, row.cause(), applied)
        row.score_before, row.score_after = done.score_before, done.score_after
        running = done.score_after
    score.score = running
    score.version += 1
    score.updated_at = uow.clock()
    await session.flush()
    uow.emit(
        TrustScoreChanged(
            member_id=member_id,
            score=score.score,
            version=score.version,
            cause_kind=cause.kind,
            delta=change.delta,
            changed_at=uow.clock(),
        ),
        key=member_id,
    )
    suspension = await _follow_suspension(
        uow, member_id, cause, change, before, score.score, policy
    )
    return AppliedCause(
        change_id=change.id,
        delta=change.delta,
        score=score.score,
        version=score.version,
        suspension_id=suspension,
    )


async def _reversed_deltas(
    uow: UnitOfWork, member_id: uuid.UUID, row: ScoreChange, refolded: list[ScoreChange]
) -> dict[str, int]:
    """An appeal gives back what its penalty took: the penalty's delta as recomputed in
    this pass if it is among the refolded rows, else as stored."""
    if row.reverses is None:
        return {}
    for other in refolded:
        if other.cause_key == row.reverses:
            return {other.cause_key: other.delta}
    stored = await uow.session.scalar(
        select(ScoreChange).where(
            ScoreChange.member_id == member_id, ScoreChange.cause_key == row.reverses
        )
    )
    return {} if stored is None else {stored.cause_key: stored.delta}


async def _follow_suspension(
    uow: UnitOfWork,
    member_id: uuid.UUID,
    cause: Cause,
    change: ScoreChange,
    before: int,
    after: int,
    policy: TrustPolicy,
) -> uuid.UUID | None:
    """Reaching 0 suspends (unless already suspended); an accepted appeal against the
    report that reached 0 lifts that suspension."""
    if after != 0 and cause.kind != "appeal_reversal":
        return None
    current = await active_suspension(uow, member_id)
    now = uow.clock()
    if (
        current is not None
        and cause.kind == "appeal_reversal"
        and cause.reverses == current.cause_key
    ):
        await end_suspension_now(uow, current, reason="appeal")
        return None
    if current is not None or after != 0 or before == 0:
        return None
    suspension = Suspension(
        id=new_id(),
        member_id=member_id,
        started_at=now,
        ends_at=now + policy.suspension,
        cause_key=cause.key,
    )
    uow.session.add(suspension)
    change.suspension_id = suspension.id
    await schedule_job(
        uow,
        kind=END_SUSPENSION_JOB,
        key=str(suspension.id),
        due_at=suspension.ends_at,
        payload={"suspension_id": str(suspension.id)},
    )
    uow.emit(
        MemberSuspended(
            member_id=member_id,
            suspension_id=suspension.id,
            suspended_at=suspension.started_at,
            ends_at=suspension.ends_at,
        ),
        key=member_id,
    )
    return suspension.id


async def end_suspension_now(uow: UnitOfWork, suspension: Suspension, *, reason: str) -> None:
    """Ends ``suspension`` (locked by the caller through the member's score row)."""
    suspension.ended_at = uow.clock()
    suspension.end_reason = reason
    if reason != "expired":
        await cancel_job(uow, kind=END_SUSPENSION_JOB, key=str(suspension.id))
    uow.emit(
        SuspensionEnded(
            member_id=suspension.member_id,
            suspension_id=suspension.id,
            ended_at=suspension.ended_at,
            reason="expired" if reason == "expired" else "appeal",
        ),
        key=suspension.member_id,
    )
