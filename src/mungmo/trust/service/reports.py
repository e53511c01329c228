"""Filing reports and the reporter's own view of them.

A repeat report of the same member by the same reporter within the merge window is
added to the open (or automatically applied) report: a second statement and more
evidence, no second report and no second penalty. Filings by one reporter about one
member lock that member's row in ``known_members``, so two at once merge as one."""

import uuid
from datetime import datetime

from sqlalchemy import or_, select

from mungmo.contracts.trust import ReportFiled
from mungmo.platform.auth import Actor
from mungmo.platform.db import UnitOfWork
from mungmo.platform.ids import new_id
from mungmo.platform.pagination import Keyset, PageRequest, SortKey
from mungmo.trust.errors import (
    CannotReportSelf,
    EvidenceInUse,
    EvidenceNotFound,
    ReportedMemberDeleted,
    ReportedMemberNotFound,
    ReportNotFound,
    TooMuchEvidence,
)
from mungmo.trust.models.reports import (
    OPEN_STATUSES,
    EvidenceUpload,
    KnownMember,
    Report,
    ReportEvidence,
    ReportStatement,
)
from mungmo.trust.schemas.reports import (
    MAX_EVIDENCE,
    MyReportPage,
    MyReportRead,
    ReportCreate,
    ReportFiledRead,
)
from mungmo.trust.service.audit import POLICY
from mungmo.trust.service.context import Trust
from mungmo.trust.service.moderation import uphold
from mungmo.trust.service.report_reads import my_report_fields, my_report_read, nicknames
from mungmo.trust.service.scoring import lock_score

NEWEST_FIRST = Keyset(
    (
        SortKey(Report.created_at, datetime, descending=True),
        SortKey(Report.id, uuid.UUID, descending=True),
    )
)


async def _reported_member(uow: UnitOfWork, member_id: uuid.UUID) -> KnownMember:
    member = await uow.session.scalar(
        select(KnownMember).where(KnownMember.member_id == member_id).with_for_update()
    )
    if member is None:
        raise ReportedMemberNotFound("No member has this id.")
    if member.is_deleted:
        raise ReportedMemberDeleted("This member deleted their account; it cannot be reported.")
    return member


async def _evidence(
    uow: UnitOfWork, owner_id: uuid.UUID, media_ids: list[uuid.UUID], into: Report | None
) -> list[EvidenceUpload]:
    """The reporter's own evidence uploads, none of them evidence elsewhere already."""
    if not media_ids:
        return []
    uploads = {
        upload.media_id: upload
        for upload in await uow.session.scalars(
            select(EvidenceUpload).where(
                EvidenceUpload.media_id.in_(media_ids), EvidenceUpload.owner_id == owner_id
            )
        )
    }
    missing = [media_id for media_id in media_ids if media_id not in uploads]
    if missing:
        raise EvidenceNotFound(
            "Evidence must be photos or videos you uploaded as report evidence "
            f"(unknown: {', '.join(str(media_id) for media_id in missing)}). "
            "A file uploaded a moment ago may take a second to be known; try again."
        )
    used = await uow.session.scalars(
        select(ReportEvidence).where(ReportEvidence.media_id.in_(media_ids))
    )
    attached_here = {item.media_id for item in into.evidence} if into is not None else set()
    if any(item.media_id not in attached_here for item in used):
        raise EvidenceInUse("A file can be evidence of one report only.")
    return [uploads[media_id] for media_id in media_ids if media_id not in attached_here]


async def _mergeable(
    trust: Trust, uow: UnitOfWork, actor: Actor, reported_id: uuid.UUID, now: datetime
) -> Report | None:
    return await uow.session.scalar(
        select(Report)
        .where(
            Report.reporter_id == actor.member_id,
            Report.reported_member_id == reported_id,
            Report.created_at >= now - trust.reports.merge_window,
            or_(Report.status.in_(OPEN_STATUSES), Report.automatic.is_(True)),
        )
        .order_by(Report.created_at.desc())
        .limit(1)
        .with_for_update()
    )


def _attach(report: Report, uploads: list[EvidenceUpload], now: datetime) -> None:
    if len(report.evidence) + len(uploads) > MAX_EVIDENCE:
        raise TooMuchEvidence(f"A report has at most {MAX_EVIDENCE} evidence files.")
    for upload in uploads:
        report.evidence.append(
            ReportEvidence(
                media_id=upload.media_id,
                report_id=report.id,
                kind=upload.kind,
                content_type=upload.content_type,
                duration_ms=upload.duration_ms,
                added_at=now,
            )
        )


async def file_report(trust: Trust, actor: Actor, data: ReportCreate) -> ReportFiledRead:
    if data.reported_member_id == actor.member_id:
        raise CannotReportSelf("You cannot report yourself.")
    trust.reports_per_reporter.hit(str(actor.member_id))
    async with trust.uow() as uow:
        now = uow.clock()
        target = await _reported_member(uow, data.reported_member_id)
        report = await _mergeable(trust, uow, actor, target.member_id, now)
        # The member's score row exists from the first report on (filings about one
        # member queue on the lock above), so decisions never race to create it. Taken
        # after the report, the order decisions use (report, then score).
        await lock_score(uow, target.member_id)
        merged = report is not None
        uploads = await _evidence(uow, actor.member_id, data.evidence_media_ids, report)
        if report is None:
            report = Report(
                id=new_id(),
                reporter_id=actor.member_id,
                reported_member_id=target.member_id,
                report_type=data.report_type,
                created_at=now,
                last_filed_at=now,
                statements=[],
                evidence=[],
            )
            uow.session.add(report)
            uow.emit(
                ReportFiled(
                    report_id=report.id,
                    reporter_id=report.reporter_id,
                    reported_member_id=report.reported_member_id,
                    report_type=data.report_type,
                    filed_at=now,
                ),
                key=report.reported_member_id,
            )
        report.last_filed_at = now
        report.statements.append(
            ReportStatement(
                report_id=report.id,
                report_type=data.report_type,
                description=data.description,
                filed_at=now,
            )
        )
        _attach(report, uploads, now)
        await uow.flush()
        if not merged and data.report_type in trust.reports.automatic_types:
            await uphold(uow, trust, report, POLICY, note=None, chosen_penalty=None)
        names = await nicknames(uow, [report.reported_member_id])
        read = ReportFiledRead.model_validate({**my_report_fields(report, names), "merged": merged})
        await uow.commit()
        return read


async def list_my_reports(trust: Trust, actor: Actor, page: PageRequest) -> MyReportPage:
    statement = select(Report).where(Report.reporter_id == actor.member_id)
    async with trust.uow() as uow:
        reports = list(await uow.session.scalars(NEWEST_FIRST.select_page(statement, page)))
        names = await nicknames(uow, [report.reported_member_id for report in reports])
        return NEWEST_FIRST.page(
            reports,
            page,
            key=lambda report: (report.created_at, report.id),
            read=lambda report: my_report_read(report, names),
            into=MyReportPage,
        )


async def get_my_report(trust: Trust, actor: Actor, report_id: uuid.UUID) -> MyReportRead:
    """Only the reporter's own (another's report is as if it did not exist)."""
    async with trust.uow() as uow:
        report = await uow.session.get(Report, report_id)
        if report is None or report.reporter_id != actor.member_id:
            raise ReportNotFound("You have no report with this id.")
        return my_report_read(report, await nicknames(uow, [report.reported_member_id]))
