"""Keeping it true: administrators set hours and the 24-hour flag; members suggest
corrections that administrators accept or reject; every change is audited."""

import uuid
from typing import Any

from mungmo.contracts.identity import AccountDeleted
from mungmo.hospital.models import DELETED_MEMBER_ID, HospitalCorrection
from mungmo.platform.clock import utc_now
from tests.support.hospital_app import HospitalApp, hospital_app, items
from tests.support.hospital_register import hospital_row, register_file
from tests.support.polling import eventually
from tests.support.stack import Stack

WEEKDAYS = [{"weekday": d, "opens": "09:00", "closes": "18:00"} for d in range(5)]


async def _a_hospital(app: HospitalApp) -> dict[str, Any]:
    await app.load(register_file([hospital_row(사업장명="바른동물병원", 소재지전화="")]))
    (found,) = items(await app.client.get("/api/v1/hospitals", headers=app.headers()))
    return found


async def _audit(app: HospitalApp, hospital_id: str) -> list[str]:
    response = await app.client.get(
        "/api/v1/hospital-audit-entries",
        params={"hospital_id": hospital_id},
        headers=app.admin_headers(),
    )
    return [entry["action"] for entry in items(response)]


async def test_members_cannot_do_what_administrators_do(stack: Stack) -> None:
    async with hospital_app(stack) as app:
        hospital = await _a_hospital(app)
        member = app.headers()
        correction = await app.client.post(
            f"/api/v1/hospitals/{hospital['id']}/corrections",
            json={"kind": "closed", "note": "문을 닫았어요"},
            headers=member,
        )
        assert correction.status_code == 201
        attempts = [
            ("PUT", f"/api/v1/hospitals/{hospital['id']}/hours", {"open_24h": True, "hours": []}),
            ("GET", "/api/v1/hospital-corrections", None),
            ("POST", f"/api/v1/hospital-corrections/{correction.json()['id']}/accept", {}),
            ("POST", f"/api/v1/hospital-corrections/{correction.json()['id']}/reject", {}),
            ("GET", "/api/v1/hospital-audit-entries", None),
        ]
        for method, path, body in attempts:
            response = await app.client.request(method, path, json=body, headers=member)
            assert response.status_code == 403, (method, path)
            assert response.json()["code"] == "auth.forbidden"
        detail = await app.client.get(f"/api/v1/hospitals/{hospital['id']}", headers=member)
        assert detail.json()["open_24h"] is False  # nothing changed


async def test_only_onboarded_members_suggest_corrections(stack: Stack) -> None:
    async with hospital_app(stack) as app:
        hospital = await _a_hospital(app)
        response = await app.client.post(
            f"/api/v1/hospitals/{hospital['id']}/corrections",
            json={"kind": "closed"},
            headers=app.headers(onboarded=False),
        )
        assert response.status_code == 403
        assert response.json()["code"] == "member.onboarding_required"


async def test_an_administrator_sets_hours_and_the_24h_flag_audited(stack: Stack) -> None:
    async with hospital_app(stack) as app:
        hospital = await _a_hospital(app)
        path = f"/api/v1/hospitals/{hospital['id']}/hours"
        overlapping = [*WEEKDAYS, {"weekday": 0, "opens": "17:00", "closes": "20:00"}]
        for body in (
            {"open_24h": False, "hours": overlapping},
            {"open_24h": False, "hours": [{"weekday": 0, "opens": "18:00", "closes": "09:00"}]},
            {"open_24h": False, "hours": [{"weekday": 0, "opens": "9시", "closes": "18:00"}]},
        ):
            refused = await app.client.put(path, json=body, headers=app.admin_headers())
            assert refused.status_code == 422, refused.text
        assert await _audit(app, hospital["id"]) == []
        saved = await app.client.put(
            path, json={"open_24h": True, "hours": WEEKDAYS}, headers=app.admin_headers()
        )
        assert saved.status_code == 200
        assert saved.json()["open_24h"] is True and len(saved.json()["hours"]) == 5
        assert await _audit(app, hospital["id"]) == ["hours_set"]


async def test_corrections_are_accepted_or_rejected_once(stack: Stack) -> None:
    async with hospital_app(stack) as app:
        hospital = await _a_hospital(app)
        member_id = uuid.uuid4()
        suggest = f"/api/v1/hospitals/{hospital['id']}/corrections"
        refused = await app.client.post(
            suggest, json={"kind": "phone", "phone": "123"}, headers=app.headers(member_id)
        )
        assert refused.json()["code"] == "hospital.phone_invalid"
        phone = await app.client.post(
            suggest, json={"kind": "phone", "phone": "062 571 1275"}, headers=app.headers(member_id)
        )
        hours = await app.client.post(
            suggest,
            json={"kind": "hours", "hours": WEEKDAYS, "open_24h": False},
            headers=app.headers(member_id),
        )
        assert phone.status_code == hours.status_code == 201
        queue = items(
            await app.client.get("/api/v1/hospital-corrections", headers=app.admin_headers())
        )
        assert [c["kind"] for c in queue] == ["phone", "hours"]
        assert queue[0]["hospital_name"] == "바른동물병원"

        accepted = await app.client.post(
            f"/api/v1/hospital-corrections/{phone.json()['id']}/accept",
            json={"reason": "전화로 확인"},
            headers=app.admin_headers(),
        )
        assert accepted.json()["status"] == "accepted"
        again = await app.client.post(
            f"/api/v1/hospital-corrections/{phone.json()['id']}/reject",
            json={},
            headers=app.admin_headers(),
        )
        assert again.status_code == 409 and again.json()["code"] == "hospital.correction_decided"
        rejected = await app.client.post(
            f"/api/v1/hospital-corrections/{hours.json()['id']}/reject",
            json={"reason": "확인 불가"},
            headers=app.admin_headers(),
        )
        assert rejected.json()["status"] == "rejected"

        detail = (
            await app.client.get(f"/api/v1/hospitals/{hospital['id']}", headers=app.headers())
        ).json()
        assert detail["phone"] == "062-571-1275"
        assert detail["hours"] == []  # the rejected hours were not applied
        pending = items(
            await app.client.get("/api/v1/hospital-corrections", headers=app.admin_headers())
        )
        assert pending == []
        assert await _audit(app, hospital["id"]) == [
            "correction_rejected",
            "correction_accepted",
            "correction_suggested",
            "correction_suggested",
        ]


async def test_an_accepted_closure_hides_the_hospital_and_survives_reimport(stack: Stack) -> None:
    async with hospital_app(stack) as app:
        row = hospital_row(사업장명="닫힌동물병원")
        await app.load(register_file([row]))
        (hospital,) = items(await app.client.get("/api/v1/hospitals", headers=app.headers()))
        suggestion = await app.client.post(
            f"/api/v1/hospitals/{hospital['id']}/corrections",
            json={"kind": "closed"},
            headers=app.headers(),
        )
        await app.client.post(
            f"/api/v1/hospital-corrections/{suggestion.json()['id']}/accept",
            json={},
            headers=app.admin_headers(),
        )
        assert items(await app.client.get("/api/v1/hospitals", headers=app.headers())) == []
        await app.load(register_file([{**row, "사업장명": "닫힌동물병원 본점"}]))
        assert items(await app.client.get("/api/v1/hospitals", headers=app.headers())) == []
        gone = await app.client.get(f"/api/v1/hospitals/{hospital['id']}", headers=app.headers())
        assert gone.status_code == 404


async def test_a_deleted_account_leaves_its_corrections_without_its_name(stack: Stack) -> None:
    async with hospital_app(stack) as app:
        hospital = await _a_hospital(app)
        member_id = uuid.uuid4()
        suggested = await app.client.post(
            f"/api/v1/hospitals/{hospital['id']}/corrections",
            json={"kind": "phone", "phone": "062 571 1275", "note": "제가 어제 통화했어요"},
            headers=app.headers(member_id),
        )
        assert suggested.status_code == 201
        await app.publish(AccountDeleted(account_id=member_id, deleted_at=utc_now()), key=member_id)

        async def anonymised() -> bool:
            async with app.module("hospital").database.session() as session:
                row = await session.get(HospitalCorrection, uuid.UUID(suggested.json()["id"]))
                return row is not None and row.member_id == DELETED_MEMBER_ID and row.note == ""

        await eventually(anonymised, until=bool)
        queue = items(
            await app.client.get("/api/v1/hospital-corrections", headers=app.admin_headers())
        )
        assert [(c["id"], c["note"]) for c in queue] == [(suggested.json()["id"], "")]
