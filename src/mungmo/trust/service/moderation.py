"""The administrators' moderation queue: list, open, review, uphold, dismiss.

Upholding applies the policy's penalty through the score's one entry point
(``apply_score_cause``) in the decision's own transaction, with its audit entry and
``ReportResolved``; dismissing changes no score. A decided report stays decided."""

import uuid
from datetime import datetime

from sqlalchemy import select

from mungmo.contracts.trust import ReportResolved, ReportType
from mungmo.platform.db import UnitOfWork
from mungmo.platform.pagination import Keyset, PageRequest, SortKey
from mungmo.trust.domain import score
from mungmo.trust.errors import PenaltyNotChoosable, ReportAlreadyDecided, ReportNotFound
from mungmo.trust.models.moderation import ModerationAction
from mungmo.trust.models.reports import DISMISSED, IN_REVIEW, RECEIVED, RESOLVED, Report
from mungmo.trust.schemas.moderation import QueueReportPage, ReportDetailRead
from mungmo.trust.schemas.reports import ReportStatus
from mungmo.trust.service.audit import AuditActor, record
from mungmo.trust.service.context import Trust
from mungmo.trust.service.history import appeal_read, member_history
from mungmo.trust.service.report_reads import (
    evidence_read,
    nicknames,
    queue_fields,
    queue_read,
    statements_read,
)
from mungmo.trust.service.scoring import apply_score_cause, lock_score

OLDEST_FIRST = Keyset(
    (SortKey(Report.created_at, datetime), SortKey(Report.id, uuid.UUID)),
)


async def list_queue(
    trust: Trust,
    page: PageRequest,
    *,
    status: ReportStatus | None = None,
    report_type: ReportType | None = None,
) -> QueueReportPage:
    statement = select(Report)
    if status is not None:
        statement = statement.where(Report.status == status)
    if report_type is not None:
        statement = statement.where(Report.report_type == report_type)
    async with trust.uow() as uow:
        reports = list(await uow.session.scalars(OLDEST_FIRST.select_page(statement, page)))
        names = await nicknames(
            uow, [m for r in reports for m in (r.reporter_id, r.reported_member_id)]
        )
        return OLDEST_FIRST.page(
            reports,
            page,
            key=lambda report: (report.created_at, report.id),
            read=lambda report: queue_read(report, names),
            into=QueueReportPage,
        )


async def _detail(uow: UnitOfWork, report: Report) -> ReportDetailRead:
    names = await nicknames(uow, [report.reporter_id, report.reported_member_id])
    history = await member_history(uow, report.reported_member_id, excluding=report.id)
    fixed = score.FIXED_REPORT_PENALTIES.get(report.report_type)
    return ReportDetailRead.model_validate(
        {
            **queue_fields(report, names),
            "statements": statements_read(report),
            "evidence": [evidence_read(item) for item in report.evidence],
            "resolved_by": report.resolved_by,
            "resolution_note": report.resolution_note,
            "fixed_penalty": None
            if fixed is None
            else score.report_penalty(report.report_type, score.tier_of(history.score), None),  # type: ignore[arg-type]
            "appeal": await appeal_read(uow, report.id),
            "reported_member": history,
        }
    )


async def _load(uow: UnitOfWork, report_id: uuid.UUID, *, lock: bool = False) -> Report:
    # A locking read refreshes a row this session already loaded (the latest commit).
    report = await uow.session.get(
        Report, report_id, with_for_update=lock or None, populate_existing=lock
    )
    if report is None:
        raise ReportNotFound("No report has this id.")
    return report


async def get_report(trust: Trust, report_id: uuid.UUID) -> ReportDetailRead:
    async with trust.uow() as uow:
        return await _detail(uow, await _load(uow, report_id))


async def start_review(trust: Trust, actor: AuditActor, report_id: uuid.UUID) -> ReportDetailRead:
    """접수 → 검토 중, so the reporter sees someone is on it (again: no change)."""
    async with trust.uow() as uow:
        report = await _load(uow, report_id, lock=True)
        if report.status == RECEIVED:
            report.status = IN_REVIEW
            record(
                uow,
                actor,
                ModerationAction.REVIEW_STARTED,
                member_id=report.reported_member_id,
                report_id=report.id,
            )
            await uow.flush()
        detail = await _detail(uow, report)
        await uow.commit()
        return detail


async def uphold(
    uow: UnitOfWork,
    trust: Trust,
    report: Report,
    actor: AuditActor,
    *,
    note: str | None,
    chosen_penalty: int | None,
) -> int:
    """Upholds ``report`` (open, locked) in ``uow``: the penalty, the audit entry and
    ``ReportResolved``. Returns the points the penalty took."""
    now = uow.clock()
    cause = score.report_upheld(report.id, report.report_type, now, chosen_penalty)  # type: ignore[arg-type]
    applied = await apply_score_cause(uow, report.reported_member_id, cause, policy=trust.policy)
    points = 0 if applied is None else -applied.delta
    report.status = RESOLVED
    report.resolved_at = now
    report.resolved_by = actor.account_id
    report.resolution_note = note
    report.penalty = points
    report.automatic = actor.account_id is None
    record(
        uow,
        actor,
        ModerationAction.REPORT_UPHELD,
        member_id=report.reported_member_id,
        report_id=report.id,
        note=note,
        points=points,
    )
    _emit_resolved(uow, report, "upheld")
    await uow.flush()
    return points


def _emit_resolved(uow: UnitOfWork, report: Report, outcome: str) -> None:
    assert report.resolved_at is not None
    uow.emit(
        ReportResolved.model_validate(
            {
                "report_id": report.id,
                "reporter_id": report.reporter_id,
                "reported_member_id": report.reported_member_id,
                "report_type": report.report_type,
                "outcome": outcome,
                "penalty": report.penalty or 0,
                "automatic": report.automatic,
                "resolved_at": report.resolved_at,
            }
        ),
        key=report.reported_member_id,
    )


async def _open_report(uow: UnitOfWork, report_id: uuid.UUID, *, scoring: bool) -> Report:
    """The report, locked first, so concurrent decisions of it queue here and the losers
    stop before touching the score. Then (``scoring``) the member's score row: nothing
    holds a score lock while waiting for a report, so this order cannot deadlock."""
    report = await _load(uow, report_id, lock=True)
    if not report.is_open:
        raise ReportAlreadyDecided("This report was already upheld or dismissed.")
    if scoring:
        await lock_score(uow, report.reported_member_id)
    return report


async def uphold_report(
    trust: Trust,
    actor: AuditActor,
    report_id: uuid.UUID,
    *,
    note: str,
    penalty: int | None,
) -> ReportDetailRead:
    async with trust.uow() as uow:
        report = await _open_report(uow, report_id, scoring=True)
        if penalty is not None and score.has_fixed_penalty(report.report_type):  # type: ignore[arg-type]
            raise PenaltyNotChoosable(
                "이성 문제 and 강아지 문제 carry the policy's penalty; send no penalty."
            )
        await uphold(uow, trust, report, actor, note=note, chosen_penalty=penalty)
        detail = await _detail(uow, report)
        await uow.commit()
        return detail


async def dismiss_report(
    trust: Trust, actor: AuditActor, report_id: uuid.UUID, *, note: str
) -> ReportDetailRead:
    async with trust.uow() as uow:
        report = await _open_report(uow, report_id, scoring=False)
        report.status = DISMISSED
        report.resolved_at = uow.clock()
        report.resolved_by = actor.account_id
        report.resolution_note = note
        record(
            uow,
            actor,
            ModerationAction.REPORT_DISMISSED,
            member_id=report.reported_member_id,
            report_id=report.id,
            note=note,
        )
        _emit_resolved(uow, report, "dismissed")
        await uow.flush()
        detail = await _detail(uow, report)
        await uow.commit()
        return detail
