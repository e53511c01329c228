"""Members suggest corrections (hours, phone, closed); administrators accept or reject."""

import uuid
from datetime import datetime

from sqlalchemy import select

from mungmo.hospital.errors import (
    CorrectionDecided,
    CorrectionEmpty,
    CorrectionNotFound,
    HospitalNotFound,
)
from mungmo.hospital.models import Hospital, HospitalCorrection
from mungmo.hospital.schemas import (
    CorrectionStatus,
    HospitalCorrectionCreate,
    HospitalCorrectionPage,
    HospitalCorrectionRead,
    HoursIntervalIn,
)
from mungmo.hospital.service.audit import record_change
from mungmo.hospital.service.context import Hospitals
from mungmo.hospital.service.upkeep import (
    dialable,
    interval_reads,
    load_hospital,
    replace_hours,
    weekly_intervals,
)
from mungmo.platform.auth import Actor
from mungmo.platform.pagination import Keyset, PageRequest, SortKey

_OLDEST_FIRST = Keyset(
    (SortKey(HospitalCorrection.created_at, datetime), SortKey(HospitalCorrection.id, uuid.UUID))
)


def _read(correction: HospitalCorrection, hospital_name: str) -> HospitalCorrectionRead:
    return HospitalCorrectionRead(
        id=correction.id,
        hospital_id=correction.hospital_id,
        hospital_name=hospital_name,
        kind=correction.kind,
        phone=correction.phone,
        hours=correction.hours,
        open_24h=correction.open_24h,
        note=correction.note,
        status=correction.status,
        created_at=correction.created_at,
        decided_at=correction.decided_at,
        decision_reason=correction.decision_reason,
    )


async def suggest_correction(
    hospitals: Hospitals, actor: Actor, hospital_id: uuid.UUID, suggestion: HospitalCorrectionCreate
) -> HospitalCorrectionRead:
    """Records a member's suggestion; nothing about the hospital changes until an
    administrator accepts it."""
    phone: str | None = None
    hours: list[dict[str, object]] | None = None
    if suggestion.kind == "phone":
        if not suggestion.phone:
            raise CorrectionEmpty()
        phone = dialable(suggestion.phone)
    elif suggestion.kind == "hours":
        if suggestion.hours is None and suggestion.open_24h is None:
            raise CorrectionEmpty()
        checked = weekly_intervals(suggestion.hours or [])
        hours = [item.model_dump() for item in interval_reads(checked)]
    async with hospitals.uow() as uow:
        hospital = await uow.session.get(Hospital, hospital_id)
        if hospital is None or not hospital.listed:
            raise HospitalNotFound()
        correction = HospitalCorrection(
            hospital_id=hospital.id,
            member_id=actor.member_id,
            kind=suggestion.kind,
            phone=phone,
            hours=hours,
            open_24h=suggestion.open_24h if suggestion.kind == "hours" else None,
            note=suggestion.note.strip(),
            status="pending",
            created_at=uow.clock(),
        )
        uow.session.add(correction)
        record_change(
            uow,
            actor=actor,
            label="member",
            action="correction_suggested",
            hospital_id=hospital.id,
            details={"correction_id": str(correction.id), "kind": suggestion.kind},
            at=uow.clock(),
        )
        await uow.commit()
        return _read(correction, hospital.name)


async def list_corrections(
    hospitals: Hospitals, actor: Actor, status: CorrectionStatus, page: PageRequest
) -> HospitalCorrectionPage:
    """Oldest first, so the queue is worked in order (administrators only)."""
    statement = (
        select(HospitalCorrection, Hospital.name)
        .join(Hospital, Hospital.id == HospitalCorrection.hospital_id)
        .where(HospitalCorrection.status == status)
    )
    async with hospitals.uow() as uow:
        rows = (await uow.session.execute(_OLDEST_FIRST.select_page(statement, page))).all()
        return _OLDEST_FIRST.page(
            rows,
            page,
            key=lambda row: (row[0].created_at, row[0].id),
            read=lambda row: _read(row[0], row[1]),
            into=HospitalCorrectionPage,
        )


async def decide_correction(
    hospitals: Hospitals, actor: Actor, correction_id: uuid.UUID, *, accept: bool, reason: str
) -> HospitalCorrectionRead:
    """Accepting applies the suggestion to the hospital; both outcomes are audited."""
    async with hospitals.uow() as uow:
        correction = await uow.session.get(HospitalCorrection, correction_id, with_for_update=True)
        if correction is None:
            raise CorrectionNotFound()
        if correction.status != "pending":
            raise CorrectionDecided()
        hospital = await load_hospital(uow, correction.hospital_id)
        now = uow.clock()
        if accept:
            if correction.kind == "phone":
                hospital.phone_override = correction.phone
            elif correction.kind == "closed":
                hospital.closed_by_admin = True
                hospital.relist()
            else:
                intervals = weekly_intervals(
                    [HoursIntervalIn.model_validate(item) for item in correction.hours or []]
                )
                open_24h = hospital.open_24h if correction.open_24h is None else correction.open_24h
                await replace_hours(uow, hospital, intervals, open_24h)
            hospital.updated_at = now
        correction.status = "accepted" if accept else "rejected"
        correction.decided_by = actor.member_id
        correction.decided_at = now
        correction.decision_reason = reason.strip()
        record_change(
            uow,
            actor=actor,
            action="correction_accepted" if accept else "correction_rejected",
            hospital_id=hospital.id,
            details={
                "correction_id": str(correction.id),
                "kind": correction.kind,
                "reason": correction.decision_reason,
            },
            at=now,
        )
        await uow.commit()
        return _read(correction, hospital.name)
