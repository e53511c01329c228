"""Nearest first from the member's verified 동 centre, known from member's events."""

import uuid
from datetime import timedelta

from mungmo.contracts.identity import AccountDeleted
from mungmo.contracts.member import NeighbourhoodVerified
from mungmo.hospital.domain.centres import read_centres
from mungmo.platform.clock import utc_now
from mungmo.platform.regions import BUNDLED_CENTROIDS
from tests.support.hospital_app import HospitalApp, hospital_app, items
from tests.support.hospital_register import hospital_row, register_file
from tests.support.stack import Stack

CHEONGUN_HYOJA = "1111051500"  # 서울특별시 종로구 청운효자동
GANGNAM = {
    "좌표정보(x)": "203400",
    "좌표정보(y)": "444500",
    "도로명전체주소": "서울특별시 강남구 테헤란로 1",
}


async def _verified(app: HospitalApp, member_id: uuid.UUID, *, days: int = 30) -> None:
    now = utc_now()
    event = NeighbourhoodVerified(
        member_id=member_id,
        region_code=CHEONGUN_HYOJA,
        region_name="청운효자동",
        verified_at=now,
        expires_at=now + timedelta(days=days),
    )
    await app.publish(event, key=member_id)


async def test_sorts_from_the_verified_neighbourhood_centre(stack: Stack) -> None:
    async with hospital_app(stack) as app:
        await app.load(
            register_file(
                [hospital_row(사업장명="광주병원"), hospital_row(사업장명="강남병원", **GANGNAM)]
            )
        )
        member_id = uuid.uuid4()
        unknown = await app.client.get(
            "/api/v1/hospitals",
            params={"from_neighbourhood": "true"},
            headers=app.headers(member_id),
        )
        assert unknown.status_code == 422
        assert unknown.json()["code"] == "hospital.neighbourhood_unknown"

        await _verified(app, member_id)
        from_home = items(
            await app.client.get(
                "/api/v1/hospitals",
                params={"from_neighbourhood": "true"},
                headers=app.headers(member_id),
            )
        )
        centre = read_centres(BUNDLED_CENTROIDS)[CHEONGUN_HYOJA]
        from_point = items(
            await app.client.get(
                "/api/v1/hospitals",
                params={
                    "sort": "distance",
                    "latitude": centre.latitude,
                    "longitude": centre.longitude,
                },
                headers=app.headers(member_id),
            )
        )
        assert [h["name"] for h in from_home] == ["강남병원", "광주병원"]
        assert [h["distance_m"] for h in from_home] == [h["distance_m"] for h in from_point]
        assert 5_000 < from_home[0]["distance_m"] < 20_000

        # Another member's verification is theirs alone; a deleted account is forgotten.
        other = await app.client.get(
            "/api/v1/hospitals", params={"from_neighbourhood": "true"}, headers=app.headers()
        )
        assert other.status_code == 422
        await app.publish(AccountDeleted(account_id=member_id, deleted_at=utc_now()), key=member_id)
        gone = await app.client.get(
            "/api/v1/hospitals",
            params={"from_neighbourhood": "true"},
            headers=app.headers(member_id),
        )
        assert gone.status_code == 422


async def test_an_expired_verification_does_not_count(stack: Stack) -> None:
    async with hospital_app(stack) as app:
        await app.load(register_file([hospital_row()]))
        member_id = uuid.uuid4()
        await _verified(app, member_id, days=-1)
        response = await app.client.get(
            "/api/v1/hospitals",
            params={"from_neighbourhood": "true"},
            headers=app.headers(member_id),
        )
        assert response.json()["code"] == "hospital.neighbourhood_unknown"
