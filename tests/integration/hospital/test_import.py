"""Importing the register: the shipped snapshot's counts, idempotence, changes, closures,
one transaction."""

from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError

from mungmo.hospital.domain.register import (
    BUNDLED_REGISTER,
    ParsedRegister,
    parse_register,
    read_register,
)
from mungmo.hospital.models import Hospital, HospitalAuditEntry
from mungmo.hospital.service.register import import_register
from tests.support.hospital_app import hospital_app, items
from tests.support.hospital_register import hospital_row, register_file
from tests.support.stack import Stack


async def _count(app: Any, *conditions: Any) -> int:
    async with app.module("hospital").database.session() as session:
        return int(
            await session.scalar(select(func.count()).select_from(Hospital).where(*conditions)) or 0
        )


async def test_the_shipped_snapshot_gives_the_readme_counts_and_a_second_import_changes_nothing(
    stack: Stack,
) -> None:
    async with hospital_app(stack) as app:
        parsed = read_register(BUNDLED_REGISTER)
        assert parsed.encoding == "cp949"
        first = await import_register(app.hospitals, parsed)
        assert first.added == 9736 and first.bad == []
        assert first.open_rows == 5084  # the README: 5,084 open before de-duplication
        assert first.duplicates == 7  # the 7 pairs sharing a name and road address
        assert first.listed == 5077
        assert first.closed == 9736 - 5084  # 휴업 21 + 폐업 4,578 + 취소 등 53
        assert first.without_coordinates == 72
        assert first.unknown_detail_status == 1  # the BBBB row, kept open
        assert await _count(app, Hospital.listed.is_(True)) == 5077
        livestock = await _count(app, Hospital.listed.is_(True), Hospital.livestock.is_(True))
        assert livestock == first.livestock

        second = await import_register(app.hospitals, read_register(BUNDLED_REGISTER))
        assert (second.added, second.changed, second.closed) == (0, 0, 0)
        assert second.unchanged == 9736
        async with app.module("hospital").database.session() as session:
            audits = await session.scalar(select(func.count()).select_from(HospitalAuditEntry))
        assert audits == 1  # the import that changed something

        # Searchable at once: 24시 in a name is a hint, not a 24-hour flag.
        found = items(
            await app.client.get(
                "/api/v1/hospitals",
                params={"province": "광주광역시", "district": "북구", "limit": 100},
                headers=app.headers(),
            )
        )
        assert found and all(h["district"] == "북구" for h in found)
        assert not any(h["open_24h"] for h in found)


async def test_reimport_applies_changes_and_closures_and_keeps_admin_facts(stack: Stack) -> None:
    async with hospital_app(stack) as app:
        a, b, c = hospital_row(), hospital_row(), hospital_row()
        report = await app.load(register_file([a, b, c]))
        assert (report.added, report.changed, report.closed) == (3, 0, 0)
        async with app.module("hospital").database.session() as session:
            hospital = await session.scalar(
                select(Hospital).where(Hospital.licence_id == a["관리번호"])
            )
            assert hospital is not None
            hospital.open_24h = True
            await session.commit()

        moved = {**a, "도로명전체주소": "광주광역시 북구 서하로 319-1 (오치동)"}
        closed = {**b, "영업상태구분코드": "03", "상세영업상태코드": "0002"}
        report = await app.load(register_file([moved, closed, c]))
        assert (report.added, report.changed, report.closed, report.unchanged) == (0, 2, 1, 1)
        async with app.module("hospital").database.session() as session:
            rows = {h.licence_id: h for h in await session.scalars(select(Hospital))}
        assert rows[a["관리번호"]].road_address == "광주광역시 북구 서하로 319-1 (오치동)"
        assert rows[a["관리번호"]].open_24h  # an administrator's fact survives imports
        assert not rows[b["관리번호"]].listed


async def test_a_failing_import_changes_nothing(stack: Stack) -> None:
    async with hospital_app(stack) as app:
        kept = hospital_row()
        await app.load(register_file([kept]))
        renamed = {**kept, "사업장명": "새이름동물병원"}
        good, broken = parse_register(register_file([renamed, hospital_row()])).records
        # A row the database refuses (no name) after a good change: nothing of it lands.
        unusable = replace(broken, name=None, status="closed")  # type: ignore[arg-type]
        parsed = ParsedRegister(encoding="utf-8", records=[good, unusable])
        with pytest.raises(DBAPIError):
            await import_register(app.hospitals, parsed)
        async with app.module("hospital").database.session() as session:
            names = list(await session.scalars(select(Hospital.name)))
        assert names == [kept["사업장명"]]


async def test_bad_rows_are_reported_and_skipped(stack: Stack) -> None:
    async with hospital_app(stack) as app:
        report = await app.load(
            register_file([hospital_row(), hospital_row(영업상태구분코드="77")])
        )
        assert report.added == 1
        assert len(report.bad) == 1 and "77" in report.bad[0].reason
