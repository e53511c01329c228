"""Importing the public register: one transaction, keyed by 개방자치단체코드 + 관리번호.

A row new to the table is added; a known row whose register columns differ is changed.
"Closed" counts the rows this import hides: known rows that stop being open, and new rows
that arrive closed or suspended (so the first import of the snapshot reports 4,652).
What administrators set (24-hour flag, phone, closed, hours) is never touched. Rows
missing from a newer file stay as they were: a file that lost rows is more likely cut
short than proof of closure.
"""

import asyncio
import contextlib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError

from mungmo.hospital.domain.duplicates import mark_duplicates
from mungmo.hospital.domain.register import BadRow, ParsedRegister, RegisterRecord, read_register
from mungmo.hospital.models import Hospital
from mungmo.hospital.service.audit import record_change
from mungmo.hospital.service.context import Hospitals
from mungmo.platform.db import UnitOfWork
from mungmo.platform.ids import new_id
from mungmo.platform.logging import get_logger

REGISTER_COLUMNS = (
    "name",
    "status",
    "status_code",
    "detail_status_code",
    "phone",
    "phone_raw",
    "road_address",
    "lot_address",
    "province",
    "district",
    "latitude",
    "longitude",
    "livestock",
    "name_hint_24h",
    "register_modified",
    "duplicate_of",
)
_CHUNK = 1000

log = get_logger("mungmo.hospital")


@dataclass
class ImportReport:
    added: int = 0
    changed: int = 0
    closed: int = 0
    unchanged: int = 0
    bad: list[BadRow] = field(default_factory=list)
    open_rows: int = 0
    duplicates: int = 0
    livestock: int = 0
    without_coordinates: int = 0
    without_phone: int = 0
    unknown_detail_status: int = 0
    area_codes_added: int = 0

    @property
    def listed(self) -> int:
        """Open rows the finder shows (livestock included; the pet finder hides them)."""
        return self.open_rows - self.duplicates

    def counts(self) -> dict[str, int]:
        values = {k: v for k, v in asdict(self).items() if k != "bad"}
        return {**values, "bad": len(self.bad), "listed": self.listed}


def _values(record: RegisterRecord) -> dict[str, Any]:
    row = asdict(record)
    return {column: row[column] for column in REGISTER_COLUMNS}


def _report_of(parsed: ParsedRegister, records: list[RegisterRecord]) -> ImportReport:
    open_rows = [record for record in records if record.status == "open"]
    return ImportReport(
        bad=list(parsed.bad),
        open_rows=len(open_rows),
        duplicates=sum(record.duplicate_of is not None for record in open_rows),
        livestock=sum(record.livestock and record.duplicate_of is None for record in open_rows),
        without_coordinates=sum(record.latitude is None for record in open_rows),
        without_phone=sum(record.phone is None for record in open_rows),
        unknown_detail_status=parsed.unknown_detail_status,
        area_codes_added=parsed.area_codes_added,
    )


async def _apply(uow: UnitOfWork, records: list[RegisterRecord], report: ImportReport) -> None:
    columns = [getattr(Hospital, name) for name in REGISTER_COLUMNS]
    existing = {
        (row.authority_code, row.licence_id): row
        for row in await uow.session.execute(
            select(
                Hospital.id,
                Hospital.authority_code,
                Hospital.licence_id,
                Hospital.closed_by_admin,
                *columns,
            )
        )
    }
    now = uow.clock()
    additions: list[dict[str, Any]] = []
    changes: list[dict[str, Any]] = []
    for record in records:
        values = _values(record)
        known = existing.get(record.key)
        closed_by_admin = bool(known.closed_by_admin) if known else False
        values["listed"] = (
            record.status == "open" and record.duplicate_of is None and not closed_by_admin
        )
        if known is None:
            additions.append(
                {
                    **values,
                    "id": new_id(),
                    "authority_code": record.authority_code,
                    "licence_id": record.licence_id,
                    "created_at": now,
                }
            )
            report.added += 1
            report.closed += record.status != "open"
        elif any(getattr(known, name) != values[name] for name in REGISTER_COLUMNS):
            changes.append({**values, "id": known.id, "updated_at": now})
            report.changed += 1
            report.closed += known.status == "open" and record.status != "open"
        else:
            report.unchanged += 1
    for start in range(0, len(additions), _CHUNK):
        await uow.session.execute(insert(Hospital), additions[start : start + _CHUNK])
    for start in range(0, len(changes), _CHUNK):
        await uow.session.execute(update(Hospital), changes[start : start + _CHUNK])


async def import_register(
    hospitals: Hospitals, parsed: ParsedRegister, *, label: str = "import"
) -> ImportReport:
    """Applies a parsed register file in one transaction and reports what changed."""
    records = mark_duplicates(parsed.records)
    report = _report_of(parsed, records)
    async with hospitals.uow() as uow:
        await _apply(uow, records, report)
        if report.added or report.changed:
            record_change(
                uow,
                actor=None,
                label=label,
                action="register_imported",
                details=report.counts(),
                at=uow.clock(),
            )
        await uow.commit()
    return report


async def _has_hospitals(hospitals: Hospitals) -> bool:
    async with hospitals.uow() as uow:
        return await uow.session.scalar(select(Hospital.id).limit(1)) is not None


async def register_available(hospitals: Hospitals) -> bool:
    """True when the hospitals table has data, importing the configured file into an
    empty table first (so a fresh local run has hospitals without a manual import)."""
    if hospitals.register_loaded:
        return True
    if not await _has_hospitals(hospitals):
        source: Path | None = hospitals.register_file
        if source is None or not await asyncio.to_thread(source.is_file):
            return False
        async with hospitals.register_lock:
            if not await _has_hospitals(hospitals):
                parsed = await asyncio.to_thread(read_register, source)
                # Another instance importing at the same moment is fine: its rows win.
                with contextlib.suppress(IntegrityError):
                    await import_register(hospitals, parsed, label="first start")
    hospitals.register_loaded = True
    return True


async def load_register_on_start(hospitals: Hospitals) -> None:
    """At start-up, in the background: a fresh clone has hospitals before anyone asks.
    A failure is logged; the first search tries again."""
    try:
        await register_available(hospitals)
    except Exception:
        log.exception("hospital.register_import_failed", source=str(hospitals.register_file))
