"""The hospital service's own audit trail: every change, by whom, in its transaction."""

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import select

from mungmo.hospital.models import HospitalAuditEntry
from mungmo.hospital.schemas import HospitalAuditEntryPage, HospitalAuditEntryRead
from mungmo.hospital.service.context import Hospitals
from mungmo.platform.auth import Actor
from mungmo.platform.db import UnitOfWork
from mungmo.platform.pagination import Keyset, PageRequest, SortKey

_NEWEST_FIRST = Keyset(
    (
        SortKey(HospitalAuditEntry.created_at, datetime, descending=True),
        SortKey(HospitalAuditEntry.id, uuid.UUID, descending=True),
    )
)


def record_change(
    uow: UnitOfWork,
    *,
    actor: Actor | None,
    label: str | None = None,
    action: str,
    hospital_id: uuid.UUID | None = None,
    details: dict[str, Any] | None = None,
    at: datetime,
) -> None:
    """Adds an entry to the open transaction (it commits with the change it records)."""
    uow.session.add(
        HospitalAuditEntry(
            hospital_id=hospital_id,
            actor_id=actor.member_id if actor else None,
            actor_label=(label or ("admin" if actor and actor.is_admin else "member"))[:64],
            action=action,
            details=details or {},
            created_at=at,
        )
    )


def _read(entry: HospitalAuditEntry) -> HospitalAuditEntryRead:
    return HospitalAuditEntryRead(
        id=entry.id,
        hospital_id=entry.hospital_id,
        actor_id=entry.actor_id,
        actor_label=entry.actor_label,
        action=entry.action,
        details=entry.details,
        created_at=entry.created_at,
    )


async def list_audit_entries(
    hospitals: Hospitals, actor: Actor, page: PageRequest, *, hospital_id: uuid.UUID | None = None
) -> HospitalAuditEntryPage:
    """Newest first (``actor`` is an administrator: the API only lets them ask)."""
    statement = select(HospitalAuditEntry)
    if hospital_id is not None:
        statement = statement.where(HospitalAuditEntry.hospital_id == hospital_id)
    async with hospitals.uow() as uow:
        rows = (await uow.session.scalars(_NEWEST_FIRST.select_page(statement, page))).all()
        return _NEWEST_FIRST.page(
            rows, page, key=lambda e: (e.created_at, e.id), read=_read, into=HospitalAuditEntryPage
        )
