"""Search: region pickers, name, 24-hour and open-now filters, distance sort, pages."""

import uuid
from pathlib import Path

from sqlalchemy import func, select

from mungmo.hospital.models import Hospital
from tests.support.hospital_app import HospitalApp, hospital_app, items
from tests.support.hospital_register import hospital_row, register_file
from tests.support.polling import eventually
from tests.support.stack import Stack

# 서울특별시 강남구 (역삼동 부근), 서초구 and 광주광역시 북구, in EPSG:5174 metres.
GANGNAM = {"좌표정보(x)": "203400", "좌표정보(y)": "444500"}
SEOCHO = {"좌표정보(x)": "201500", "좌표정보(y)": "441800"}
GANGNAM_ROAD = "서울특별시 강남구 테헤란로 {n}"
SEOCHO_ROAD = "서울특별시 서초구 서초대로 {n}"
# A position near 역삼역 (WGS84).
NEAR_YEOKSAM = {"latitude": "37.5007", "longitude": "127.0365"}


def _seoul_rows() -> list[dict[str, str]]:
    return [
        hospital_row(
            사업장명="가나동물병원",
            도로명전체주소=GANGNAM_ROAD.format(n=1),
            소재지전화="555-1234",
            **GANGNAM,
        ),
        hospital_row(
            사업장명="24시 강남동물메디컬센터", 도로명전체주소=GANGNAM_ROAD.format(n=2), **GANGNAM
        ),
        hospital_row(사업장명="다라동물병원", 도로명전체주소=SEOCHO_ROAD.format(n=3), **SEOCHO),
        hospital_row(사업장명="강남가축병원", 도로명전체주소=GANGNAM_ROAD.format(n=4), **GANGNAM),
        hospital_row(
            사업장명="문닫은동물병원",
            도로명전체주소=GANGNAM_ROAD.format(n=5),
            영업상태구분코드="03",
        ),
        hospital_row(
            사업장명="좌표없는동물병원",
            도로명전체주소=GANGNAM_ROAD.format(n=6),
            **{"좌표정보(x)": "", "좌표정보(y)": ""},
        ),
    ]


async def _names(app: HospitalApp, **params: str) -> list[str]:
    response = await app.client.get("/api/v1/hospitals", params=params, headers=app.headers())
    return [hospital["name"] for hospital in items(response)]


async def _id_of(app: HospitalApp, name: str) -> str:
    (found,) = items(
        await app.client.get("/api/v1/hospitals", params={"name": name}, headers=app.headers())
    )
    return str(found["id"])


async def test_region_pickers_and_region_search(stack: Stack) -> None:
    async with hospital_app(stack) as app:
        await app.load(register_file([*_seoul_rows(), hospital_row()]))
        provinces = await app.client.get("/api/v1/hospital-provinces", headers=app.headers())
        assert provinces.json() == [
            {"name": "광주광역시", "count": 1},
            {"name": "서울특별시", "count": 4},
        ]
        districts = await app.client.get(
            "/api/v1/hospital-provinces/서울특별시/districts", headers=app.headers()
        )
        assert districts.json() == [{"name": "강남구", "count": 3}, {"name": "서초구", "count": 1}]
        gangnam = await _names(app, province="서울특별시", district="강남구")
        # Closed and livestock practices are hidden from the pet finder; sorted by name.
        assert gangnam == ["24시 강남동물메디컬센터", "가나동물병원", "좌표없는동물병원"]
        assert "강남가축병원" in await _names(app, district="강남구", include_livestock="true")
        assert await _names(app, name="다라") == ["다라동물병원"]


async def test_items_carry_a_dialable_phone_and_the_24h_hint_only_as_a_hint(stack: Stack) -> None:
    async with hospital_app(stack) as app:
        await app.load(register_file(_seoul_rows()))
        response = await app.client.get(
            "/api/v1/hospitals", params={"district": "강남구"}, headers=app.headers()
        )
        by_name = {h["name"]: h for h in items(response)}
        assert by_name["가나동물병원"]["phone"] == "02-555-1234"
        hinted = by_name["24시 강남동물메디컬센터"]
        assert hinted["name_hint_24h"] is True and hinted["open_24h"] is False
        assert hinted["open_now"] is None  # nobody has entered its hours yet
        assert "licence_id" not in hinted and "authority_code" not in hinted
        assert await _names(app, open_24h="true") == []


async def test_open_now_follows_administrators_hours_in_korean_time(stack: Stack) -> None:
    async with hospital_app(stack) as app:
        await app.load(register_file(_seoul_rows()))
        day_clinic = await _id_of(app, "가나동물병원")
        always = await _id_of(app, "24시 강남")
        weekdays = [{"weekday": d, "opens": "09:00", "closes": "18:00"} for d in range(5)]
        for hospital_id, body in (
            (day_clinic, {"open_24h": False, "hours": weekdays}),
            (always, {"open_24h": True, "hours": []}),
        ):
            response = await app.client.put(
                f"/api/v1/hospitals/{hospital_id}/hours", json=body, headers=app.admin_headers()
            )
            assert response.status_code == 200, response.text

        app.clock.set_korean(2026, 12, 2, 10)  # a Wednesday morning
        assert await _names(app, open_now="true") == ["24시 강남동물메디컬센터", "가나동물병원"]
        app.clock.set_korean(2026, 12, 2, 18)  # closing time
        assert await _names(app, open_now="true") == ["24시 강남동물메디컬센터"]
        app.clock.set_korean(2026, 12, 6, 11)  # Sunday
        assert await _names(app, open_now="true") == ["24시 강남동물메디컬센터"]
        assert await _names(app, open_24h="true") == ["24시 강남동물메디컬센터"]
        detail = await app.client.get(f"/api/v1/hospitals/{day_clinic}", headers=app.headers())
        assert detail.json()["open_now"] is False
        assert detail.json()["hours"][0] == {"weekday": 0, "opens": "09:00", "closes": "18:00"}


async def test_distance_sort_from_a_position_in_pages(stack: Stack) -> None:
    async with hospital_app(stack) as app:
        await app.load(register_file([*_seoul_rows(), hospital_row()]))
        first = await app.client.get(
            "/api/v1/hospitals",
            params={"sort": "distance", "limit": "2", **NEAR_YEOKSAM},
            headers=app.headers(),
        )
        page_one = items(first)
        distances = [h["distance_m"] for h in page_one]
        assert distances == sorted(distances) and distances[0] < 1500
        second = await app.client.get(
            "/api/v1/hospitals",
            params={
                "sort": "distance",
                "limit": "2",
                "cursor": first.json()["next_cursor"],
                **NEAR_YEOKSAM,
            },
            headers=app.headers(),
        )
        page_two = items(second)
        assert second.json()["next_cursor"] is None
        names = [h["name"] for h in page_one + page_two]
        # Seoul first, 광주 last; the one without coordinates cannot be placed.
        assert names[-1].startswith("테스트동물병원") and "좌표없는동물병원" not in names
        assert len(names) == 4
        assert page_two[-1]["distance_m"] > 250_000


async def test_bad_requests_are_problems_and_change_nothing(stack: Stack) -> None:
    async with hospital_app(stack) as app:
        await app.load(register_file(_seoul_rows()))
        no_position = await app.client.get(
            "/api/v1/hospitals", params={"sort": "distance"}, headers=app.headers()
        )
        assert no_position.status_code == 422
        assert no_position.headers["content-type"].startswith("application/problem+json")
        assert no_position.json()["code"] == "hospital.position_required"
        bad_cursor = await app.client.get(
            "/api/v1/hospitals", params={"cursor": "nonsense"}, headers=app.headers()
        )
        assert bad_cursor.json()["code"] == "request.cursor_invalid"
        missing = await app.client.get(f"/api/v1/hospitals/{uuid.uuid4()}", headers=app.headers())
        assert missing.status_code == 404 and missing.json()["code"] == "hospital.not_found"


async def test_searching_needs_a_signed_in_account(stack: Stack) -> None:
    async with hospital_app(stack) as app:
        for path in ("/api/v1/hospitals", "/api/v1/hospital-provinces", "/api/v1/hospital-map"):
            response = await app.client.get(path)
            assert response.status_code == 401
        # No tile source configured: the web map draws markers without any network.
        tiles = await app.client.get("/api/v1/hospital-map", headers=app.headers())
        assert tiles.json() == {"tile_url": None, "attribution": ""}


async def test_a_fresh_start_imports_the_configured_file_in_the_background(
    stack: Stack, tmp_path: Path
) -> None:
    path = tmp_path / "register.csv"
    path.write_bytes(register_file(_seoul_rows()))
    async with hospital_app(stack, register_file=path) as app:

        async def imported() -> int:
            async with app.module("hospital").database.session() as session:
                return int(await session.scalar(select(func.count()).select_from(Hospital)) or 0)

        # Before anyone asks: the runtime's background work loads the file.
        assert await eventually(imported) == len(_seoul_rows())
        # Background work that finished is no stopped worker: the app stays ready.
        assert (await app.client.get("/ready")).status_code == 200
        assert "가나동물병원" in await _names(app, district="강남구")
