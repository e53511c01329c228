"""What moderators see of a reported member: other reports, score changes, sanctions.
Reads only."""

import uuid

from sqlalchemy import select

from mungmo.platform.db import UnitOfWork
from mungmo.trust.domain.score import STARTING_SCORE
from mungmo.trust.models import MemberScore, ScoreChange, Suspension
from mungmo.trust.models.moderation import Appeal, Ban
from mungmo.trust.models.reports import KnownMember, Report
from mungmo.trust.schemas.moderation import (
    BanRead,
    MemberHistoryRead,
    QueueAppealRead,
    ScoreChangeRead,
    SuspensionRead,
)
from mungmo.trust.service.report_reads import nicknames, queue_read

HISTORY_LIMIT = 50


def ban_read(ban: Ban, nickname: str | None) -> BanRead:
    return BanRead.model_validate(
        {
            "member_id": ban.member_id,
            "nickname": nickname,
            "source": ban.source,
            "reason": ban.reason,
            "banned_by": ban.banned_by,
            "banned_at": ban.banned_at,
        }
    )


def suspension_read(suspension: Suspension, nickname: str | None) -> SuspensionRead:
    return SuspensionRead(
        id=suspension.id,
        member_id=suspension.member_id,
        nickname=nickname,
        started_at=suspension.started_at,
        ends_at=suspension.ends_at,
    )


def appeal_fields(appeal: Appeal, nickname: str | None) -> dict[str, object]:
    return {
        "id": appeal.id,
        "report_id": appeal.report_id,
        "member_id": appeal.member_id,
        "nickname": nickname,
        "text": appeal.text,
        "status": appeal.status,
        "created_at": appeal.created_at,
        "decided_at": appeal.decided_at,
        "decided_by": appeal.decided_by,
        "decision_note": appeal.decision_note,
        "restored": appeal.restored,
    }


async def appeal_read(uow: UnitOfWork, report_id: uuid.UUID) -> QueueAppealRead | None:
    appeal = await uow.session.scalar(select(Appeal).where(Appeal.report_id == report_id))
    if appeal is None:
        return None
    names = await nicknames(uow, [appeal.member_id])
    return QueueAppealRead.model_validate(appeal_fields(appeal, names.get(appeal.member_id)))


async def member_history(
    uow: UnitOfWork, member_id: uuid.UUID, *, excluding: uuid.UUID | None = None
) -> MemberHistoryRead:
    session = uow.session
    known = await session.get(KnownMember, member_id)
    current = await session.get(MemberScore, member_id)
    reports_statement = select(Report).where(Report.reported_member_id == member_id)
    if excluding is not None:
        reports_statement = reports_statement.where(Report.id != excluding)
    reports = list(
        await session.scalars(
            reports_statement.order_by(Report.created_at.desc(), Report.id.desc()).limit(
                HISTORY_LIMIT
            )
        )
    )
    changes = await session.scalars(
        select(ScoreChange)
        .where(ScoreChange.member_id == member_id)
        .order_by(ScoreChange.occurred_at.desc(), ScoreChange.cause_key.desc())
        .limit(HISTORY_LIMIT)
    )
    suspension = await session.scalar(
        select(Suspension).where(Suspension.member_id == member_id, Suspension.ended_at.is_(None))
    )
    ban = await session.get(Ban, member_id)
    names = await nicknames(uow, [member_id, *(report.reporter_id for report in reports)])
    nickname = names.get(member_id)
    return MemberHistoryRead(
        member_id=member_id,
        nickname=nickname,
        deleted=known is not None and known.is_deleted,
        score=STARTING_SCORE if current is None else current.score,
        earlier_reports=[queue_read(report, names) for report in reports],
        score_changes=[
            ScoreChangeRead.model_validate(
                {
                    "cause_kind": change.cause_kind,
                    "cause_key": change.cause_key,
                    "report_type": change.report_type,
                    "score_before": change.score_before,
                    "score_after": change.score_after,
                    "delta": change.delta,
                    "occurred_at": change.occurred_at,
                }
            )
            for change in changes
        ],
        active_suspension=None if suspension is None else suspension_read(suspension, nickname),
        ban=None if ban is None else ban_read(ban, nickname),
    )
