"""Shaping reports into read schemas, and the nickname lookups they need. No writes."""

import uuid
from collections.abc import Iterable

from sqlalchemy import select

from mungmo.contracts.media import media_urls
from mungmo.platform.db import UnitOfWork
from mungmo.trust.models.reports import KnownMember, Report, ReportEvidence
from mungmo.trust.schemas.moderation import QueueReportRead
from mungmo.trust.schemas.reports import EvidenceRead, MyReportRead, StatementRead


async def nicknames(uow: UnitOfWork, member_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, str]:
    wanted = list(set(member_ids))
    if not wanted:
        return {}
    rows = await uow.session.execute(
        select(KnownMember.member_id, KnownMember.nickname).where(KnownMember.member_id.in_(wanted))
    )
    return {member_id: nickname for member_id, nickname in rows}


def evidence_read(evidence: ReportEvidence) -> EvidenceRead:
    urls = media_urls(evidence.media_id)
    return EvidenceRead.model_validate(
        {
            "media_id": evidence.media_id,
            "kind": evidence.kind,
            "content_type": evidence.content_type,
            "duration_ms": evidence.duration_ms,
            "url": urls.file,
            "thumbnail_url": urls.thumbnail,
            "poster_url": urls.poster if evidence.kind == "video" else None,
            "added_at": evidence.added_at,
        }
    )


def statements_read(report: Report) -> list[StatementRead]:
    return [
        StatementRead.model_validate(
            {
                "report_type": statement.report_type,
                "description": statement.description,
                "filed_at": statement.filed_at,
            }
        )
        for statement in report.statements
    ]


def my_report_fields(report: Report, names: dict[uuid.UUID, str]) -> dict[str, object]:
    return {
        "id": report.id,
        "reported_member_id": report.reported_member_id,
        "reported_nickname": names.get(report.reported_member_id),
        "report_type": report.report_type,
        "status": report.status,
        "statements": statements_read(report),
        "evidence": [evidence_read(item) for item in report.evidence],
        "created_at": report.created_at,
        "last_filed_at": report.last_filed_at,
        "resolved_at": report.resolved_at,
    }


def my_report_read(report: Report, names: dict[uuid.UUID, str]) -> MyReportRead:
    return MyReportRead.model_validate(my_report_fields(report, names))


def queue_fields(report: Report, names: dict[uuid.UUID, str]) -> dict[str, object]:
    return {
        "id": report.id,
        "reporter_id": report.reporter_id,
        "reporter_nickname": names.get(report.reporter_id),
        "reported_member_id": report.reported_member_id,
        "reported_nickname": names.get(report.reported_member_id),
        "report_type": report.report_type,
        "status": report.status,
        "evidence_count": len(report.evidence),
        "created_at": report.created_at,
        "last_filed_at": report.last_filed_at,
        "resolved_at": report.resolved_at,
        "penalty": report.penalty,
        "automatic": report.automatic,
    }


def queue_read(report: Report, names: dict[uuid.UUID, str]) -> QueueReportRead:
    return QueueReportRead.model_validate(queue_fields(report, names))
