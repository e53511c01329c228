"""Hospital HTTP API: search, regions for the pickers, details, hours, corrections, audit."""

import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query

from mungmo.hospital.domain.coordinates import Position
from mungmo.hospital.schemas import (
    CorrectionStatus,
    HospitalAuditEntryPage,
    HospitalCorrectionCreate,
    HospitalCorrectionDecision,
    HospitalCorrectionPage,
    HospitalCorrectionRead,
    HospitalDetailRead,
    HospitalDistrictRead,
    HospitalHoursUpdate,
    HospitalMapRead,
    HospitalPage,
    HospitalProvinceRead,
)
from mungmo.hospital.service import audit, corrections, search, upkeep
from mungmo.hospital.service.context import Hospitals
from mungmo.hospital.service.search import HospitalQuery
from mungmo.platform.auth import CurrentAccount, CurrentAdmin, CurrentMember
from mungmo.platform.pagination import PageParams
from mungmo.platform.service import provide

router = APIRouter(tags=["hospital"])

Context = Annotated[Hospitals, Depends(provide(Hospitals))]

HOSPITALS = "/api/v1/hospitals"
CORRECTIONS = "/api/v1/hospital-corrections"


@router.get(HOSPITALS)
async def search_hospitals(
    actor: CurrentAccount,
    hospitals: Context,
    page: PageParams,
    province: Annotated[str | None, Query(max_length=20, description="시/도")] = None,
    district: Annotated[str | None, Query(max_length=40, description="시/군/구")] = None,
    name: Annotated[str | None, Query(max_length=50)] = None,
    open_24h: Annotated[
        bool, Query(description="Only hospitals administrators mark 24-hour.")
    ] = False,
    open_now: Annotated[bool, Query(description="Only hospitals open now (Korean time).")] = False,
    include_livestock: bool = False,
    sort: Literal["name", "distance"] = "name",
    latitude: Annotated[float | None, Query(ge=-90, le=90)] = None,
    longitude: Annotated[float | None, Query(ge=-180, le=180)] = None,
    from_neighbourhood: Annotated[
        bool, Query(description="Nearest first from the caller's verified 동 centre.")
    ] = False,
) -> HospitalPage:
    """Any signed-in account may search (a hospital is public information). The
    position is only used to measure distances: it is not stored or logged."""
    position = (
        Position(latitude, longitude) if latitude is not None and longitude is not None else None
    )
    query = HospitalQuery(
        province=province,
        district=district,
        name=name,
        only_24h=open_24h,
        open_now=open_now,
        include_livestock=include_livestock,
        sort=sort,
        position=position,
        from_neighbourhood=from_neighbourhood,
    )
    return await search.search_hospitals(hospitals, actor, query, page)


@router.get("/api/v1/hospital-provinces")
async def list_hospital_provinces(
    actor: CurrentAccount, hospitals: Context
) -> list[HospitalProvinceRead]:
    return await search.list_provinces(hospitals)


@router.get("/api/v1/hospital-provinces/{province}/districts")
async def list_hospital_districts(
    province: str, actor: CurrentAccount, hospitals: Context
) -> list[HospitalDistrictRead]:
    return await search.list_districts(hospitals, province)


@router.get("/api/v1/hospital-map")
async def get_hospital_map_settings(actor: CurrentAccount, hospitals: Context) -> HospitalMapRead:
    return HospitalMapRead(tile_url=hospitals.tiles.url, attribution=hospitals.tiles.attribution)


@router.get(HOSPITALS + "/{hospital_id}")
async def get_hospital(
    hospital_id: uuid.UUID, actor: CurrentAccount, hospitals: Context
) -> HospitalDetailRead:
    return await search.get_hospital(hospitals, hospital_id)


@router.put(HOSPITALS + "/{hospital_id}/hours")
async def set_hospital_hours(
    hospital_id: uuid.UUID, body: HospitalHoursUpdate, actor: CurrentAdmin, hospitals: Context
) -> HospitalDetailRead:
    return await upkeep.set_hours(
        hospitals, actor, hospital_id, open_24h=body.open_24h, hours=body.hours
    )


@router.post(HOSPITALS + "/{hospital_id}/corrections", status_code=201)
async def suggest_hospital_correction(
    hospital_id: uuid.UUID, body: HospitalCorrectionCreate, actor: CurrentMember, hospitals: Context
) -> HospitalCorrectionRead:
    return await corrections.suggest_correction(hospitals, actor, hospital_id, body)


@router.get(CORRECTIONS)
async def list_hospital_corrections(
    actor: CurrentAdmin,
    hospitals: Context,
    page: PageParams,
    status: CorrectionStatus = "pending",
) -> HospitalCorrectionPage:
    return await corrections.list_corrections(hospitals, actor, status, page)


@router.post(CORRECTIONS + "/{correction_id}/accept")
async def accept_hospital_correction(
    correction_id: uuid.UUID,
    body: HospitalCorrectionDecision,
    actor: CurrentAdmin,
    hospitals: Context,
) -> HospitalCorrectionRead:
    return await corrections.decide_correction(
        hospitals, actor, correction_id, accept=True, reason=body.reason
    )


@router.post(CORRECTIONS + "/{correction_id}/reject")
async def reject_hospital_correction(
    correction_id: uuid.UUID,
    body: HospitalCorrectionDecision,
    actor: CurrentAdmin,
    hospitals: Context,
) -> HospitalCorrectionRead:
    return await corrections.decide_correction(
        hospitals, actor, correction_id, accept=False, reason=body.reason
    )


@router.get("/api/v1/hospital-audit-entries")
async def list_hospital_audit_entries(
    actor: CurrentAdmin,
    hospitals: Context,
    page: PageParams,
    hospital_id: uuid.UUID | None = None,
) -> HospitalAuditEntryPage:
    return await audit.list_audit_entries(hospitals, actor, page, hospital_id=hospital_id)
