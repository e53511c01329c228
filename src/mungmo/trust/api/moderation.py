"""Administrators' moderation: the queue, decisions, appeals, bans, sanctions, audit."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query

from mungmo.contracts.trust import ReportType
from mungmo.platform.auth import CurrentAdmin
from mungmo.platform.pagination import PageParams
from mungmo.platform.service import provide
from mungmo.trust.schemas.moderation import (
    BanCreate,
    BanPage,
    BanRead,
    DecisionNote,
    ModerationAuditPage,
    QueueAppealPage,
    QueueAppealRead,
    QueueReportPage,
    ReportDetailRead,
    SuspensionPage,
    UpholdRequest,
)
from mungmo.trust.schemas.reports import AppealStatus, ReportStatus
from mungmo.trust.service import appeals, audit, bans, moderation
from mungmo.trust.service.audit import AuditActor
from mungmo.trust.service.context import Trust

router = APIRouter()

TrustDep = Annotated[Trust, Depends(provide(Trust))]
REPORTS = "/api/v1/admin/reports"
APPEALS = "/api/v1/admin/appeals"


@router.get(REPORTS)
async def list_report_queue(
    admin: CurrentAdmin,
    trust: TrustDep,
    page: PageParams,
    status: Annotated[ReportStatus | None, Query()] = None,
    report_type: Annotated[ReportType | None, Query(alias="type")] = None,
) -> QueueReportPage:
    return await moderation.list_queue(trust, page, status=status, report_type=report_type)


@router.get(REPORTS + "/{report_id}")
async def get_queued_report(
    report_id: uuid.UUID, admin: CurrentAdmin, trust: TrustDep
) -> ReportDetailRead:
    return await moderation.get_report(trust, report_id)


@router.post(REPORTS + "/{report_id}/review")
async def start_report_review(
    report_id: uuid.UUID, admin: CurrentAdmin, trust: TrustDep
) -> ReportDetailRead:
    actor = AuditActor.administrator(admin.member_id)
    return await moderation.start_review(trust, actor, report_id)


@router.post(REPORTS + "/{report_id}/uphold")
async def uphold_report(
    report_id: uuid.UUID, body: UpholdRequest, admin: CurrentAdmin, trust: TrustDep
) -> ReportDetailRead:
    actor = AuditActor.administrator(admin.member_id)
    return await moderation.uphold_report(
        trust, actor, report_id, note=body.note, penalty=body.penalty
    )


@router.post(REPORTS + "/{report_id}/dismiss")
async def dismiss_report(
    report_id: uuid.UUID, body: DecisionNote, admin: CurrentAdmin, trust: TrustDep
) -> ReportDetailRead:
    actor = AuditActor.administrator(admin.member_id)
    return await moderation.dismiss_report(trust, actor, report_id, note=body.note)


@router.get(APPEALS)
async def list_appeal_queue(
    admin: CurrentAdmin,
    trust: TrustDep,
    page: PageParams,
    status: Annotated[AppealStatus | None, Query()] = None,
) -> QueueAppealPage:
    return await appeals.list_appeals(trust, page, status=status)


@router.post(APPEALS + "/{appeal_id}/accept")
async def accept_appeal(
    appeal_id: uuid.UUID, body: DecisionNote, admin: CurrentAdmin, trust: TrustDep
) -> QueueAppealRead:
    actor = AuditActor.administrator(admin.member_id)
    return await appeals.decide_appeal(trust, actor, appeal_id, accept=True, note=body.note)


@router.post(APPEALS + "/{appeal_id}/reject")
async def reject_appeal(
    appeal_id: uuid.UUID, body: DecisionNote, admin: CurrentAdmin, trust: TrustDep
) -> QueueAppealRead:
    actor = AuditActor.administrator(admin.member_id)
    return await appeals.decide_appeal(trust, actor, appeal_id, accept=False, note=body.note)


@router.post("/api/v1/admin/members/{member_id}/ban")
async def ban_member_permanently(
    member_id: uuid.UUID, body: BanCreate, admin: CurrentAdmin, trust: TrustDep
) -> BanRead:
    actor = AuditActor.administrator(admin.member_id)
    return await bans.ban_member(trust, actor, member_id, reason=body.reason)


@router.get("/api/v1/admin/bans")
async def list_permanent_bans(admin: CurrentAdmin, trust: TrustDep, page: PageParams) -> BanPage:
    return await bans.list_bans(trust, page)


@router.get("/api/v1/admin/suspensions")
async def list_active_suspensions(
    admin: CurrentAdmin, trust: TrustDep, page: PageParams
) -> SuspensionPage:
    return await bans.list_active_suspensions(trust, page)


@router.get("/api/v1/admin/moderation-audit-entries")
async def list_moderation_audit_entries(
    admin: CurrentAdmin,
    trust: TrustDep,
    page: PageParams,
    member_id: Annotated[uuid.UUID | None, Query(description="Only this member's")] = None,
) -> ModerationAuditPage:
    return await audit.list_audit_entries(trust, page, member_id=member_id)
