"""Members' reports and appeals: file, list and read my own."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Response, status

from mungmo.platform.auth import CurrentMember
from mungmo.platform.pagination import PageParams
from mungmo.platform.service import provide
from mungmo.trust.schemas.reports import (
    AppealCreate,
    AppealPage,
    AppealRead,
    MyReportPage,
    MyReportRead,
    ReportCreate,
    ReportFiledRead,
)
from mungmo.trust.service import appeals, reports
from mungmo.trust.service.context import Trust

router = APIRouter()

TrustDep = Annotated[Trust, Depends(provide(Trust))]


@router.post(
    "/api/v1/reports",
    status_code=status.HTTP_201_CREATED,
    responses={200: {"description": "Merged into my open report about this member."}},
)
async def file_report(
    body: ReportCreate, response: Response, actor: CurrentMember, trust: TrustDep
) -> ReportFiledRead:
    filed = await reports.file_report(trust, actor, body)
    if filed.merged:
        response.status_code = status.HTTP_200_OK
    return filed


@router.get("/api/v1/reports")
async def list_my_reports(actor: CurrentMember, trust: TrustDep, page: PageParams) -> MyReportPage:
    return await reports.list_my_reports(trust, actor, page)


@router.get("/api/v1/reports/{report_id}")
async def get_my_report(
    report_id: uuid.UUID, actor: CurrentMember, trust: TrustDep
) -> MyReportRead:
    return await reports.get_my_report(trust, actor, report_id)


@router.post("/api/v1/appeals", status_code=status.HTTP_201_CREATED)
async def file_appeal(body: AppealCreate, actor: CurrentMember, trust: TrustDep) -> AppealRead:
    return await appeals.file_appeal(trust, actor, body)


@router.get("/api/v1/appeals")
async def list_my_appeals(actor: CurrentMember, trust: TrustDep, page: PageParams) -> AppealPage:
    return await appeals.list_my_appeals(trust, actor, page)
