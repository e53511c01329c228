"""Neighbourhood verification: the position must lie in the claimed 동; only the 동 is
kept; verifications expire; with no data to check against, nothing is accepted."""

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import text

from mungmo.member.wiring import MemberSettings
from mungmo.platform.regions import BUNDLED_CENTROIDS
from tests.support.member_app import Account, MemberApp, member_app
from tests.support.onboarding import claim
from tests.support.regions import (
    CHEONGUN_HYOJA,
    CHEONGUN_HYOJA_NAME,
    CHEONGUN_MYEON,
    GANGNAM_STATION,
    HONGJE_ACROSS_THE_BORDER,
    INSIDE_CHEONGUN_MYEON_5KM_EAST,
    NEAR_CHEONGUN_HYOJA,
)
from tests.support.stack import Stack

VERIFY = "/api/v1/members/me/neighbourhood"


async def _verify(app: MemberApp, account: Account, body: dict[str, Any]) -> Any:
    return await app.client.post(VERIFY, json=body, headers=account.headers)


async def _me(app: MemberApp, account: Account) -> dict[str, Any]:
    response = await app.client.get("/api/v1/members/me", headers=account.headers)
    body: dict[str, Any] = response.json()
    return body


async def _member_row(app: MemberApp, account: Account) -> str:
    """Everything the members table holds for this member, as one string."""
    database = app.module("member").database
    async with database.engine.connect() as connection:
        row = (
            await connection.execute(
                text("SELECT * FROM members WHERE nickname = :nickname"),
                {"nickname": account.nickname},
            )
        ).one()
    return " ".join(str(value) for value in row)


async def test_a_position_inside_verifies_the_neighbourhood(app: MemberApp) -> None:
    account = await app.sign_up()
    response = await _verify(app, account, claim())
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["code"] == CHEONGUN_HYOJA
    assert body["name"] == "청운효자동" and body["full_name"] == CHEONGUN_HYOJA_NAME
    assert body["expired"] is False
    verified_at = body["verified_at"]
    assert set(body) == {"code", "name", "full_name", "verified_at", "expires_at", "expired"}
    me = await _me(app, account)
    assert me["neighbourhood"] == body and me["onboarding"]["neighbourhood"] is True
    (event,) = await app.member_events("member.NeighbourhoodVerified", account.id)
    assert event["region_code"] == CHEONGUN_HYOJA
    assert event["region_name"] == CHEONGUN_HYOJA_NAME
    assert set(event) == {"member_id", "region_code", "region_name", "verified_at", "expires_at"}
    # Thirty days of validity.
    assert body["expires_at"][:10] == (app.clock() + timedelta(days=30)).date().isoformat()
    # The position is nowhere: not in the database row, not in the event.
    stored = await _member_row(app, account) + str(event)
    for coordinate in NEAR_CHEONGUN_HYOJA:
        assert str(coordinate) not in stored
        assert str(coordinate)[:6] not in stored
    assert verified_at


async def test_a_position_outside_is_refused_and_nothing_is_stored(app: MemberApp) -> None:
    account = await app.sign_up()
    for position in (GANGNAM_STATION, HONGJE_ACROSS_THE_BORDER):
        response = await _verify(app, account, claim(at=position))
        assert response.status_code == 422
        assert response.json()["code"] == "member.position_outside_region"
        assert str(position[0]) not in response.text
    me = await _me(app, account)
    assert me["neighbourhood"] is None
    assert await app.member_events("member.NeighbourhoodVerified", account.id) == []


async def test_a_myeon_is_checked_against_its_boundary(app: MemberApp) -> None:
    account = await app.sign_up()
    far_but_inside = await _verify(
        app, account, claim(CHEONGUN_MYEON, INSIDE_CHEONGUN_MYEON_5KM_EAST)
    )
    assert far_but_inside.status_code == 200, far_but_inside.text
    assert far_but_inside.json()["full_name"] == "경기도 양평군 청운면"


async def test_unknown_or_malformed_regions_are_refused(app: MemberApp) -> None:
    account = await app.sign_up()
    unknown = await _verify(app, account, claim(region="1111099900"))
    assert unknown.status_code == 422 and unknown.json()["code"] == "member.region_not_found"
    # A district (시군구) code is not a neighbourhood one can claim.
    district = await _verify(app, account, claim(region="1111000000"))
    assert district.json()["code"] == "member.region_not_found"
    for bad in ({"region_code": "청운효자동"}, {"latitude": 123.0}, {"longitude": None}):
        response = await _verify(app, account, {**claim(), **bad})
        assert response.status_code == 422
    assert (await _me(app, account))["neighbourhood"] is None


async def test_verification_needs_a_login(app: MemberApp) -> None:
    response = await app.client.post(VERIFY, json=claim())
    assert response.status_code == 401


async def test_an_expired_verification_must_be_renewed(app: MemberApp) -> None:
    account = await app.sign_up()
    first = (await _verify(app, account, claim())).json()
    app.clock.advance(timedelta(days=30, seconds=1))
    me = await _me(app, account)
    assert me["neighbourhood"]["expired"] is True
    assert me["onboarding"]["neighbourhood"] is False
    renewed = await _verify(app, account, claim())
    assert renewed.status_code == 200
    assert renewed.json()["expired"] is False
    assert renewed.json()["expires_at"] > first["expires_at"]
    assert (await _me(app, account))["onboarding"]["neighbourhood"] is True
    assert len(await app.member_events("member.NeighbourhoodVerified", account.id)) == 2


async def test_without_region_data_nothing_can_be_verified(stack: Stack) -> None:
    # An operator who turned the shipped file off and imported nothing.
    async with member_app(stack, regions_file=None) as app:
        account = await app.sign_up()
        response = await _verify(app, account, claim())
        assert response.status_code == 503
        assert response.json()["code"] == "member.region_data_missing"
        assert (await _me(app, account))["neighbourhood"] is None


async def test_the_shipped_regions_load_on_first_need(stack: Stack) -> None:
    async with member_app(stack, regions_file=BUNDLED_CENTROIDS) as app:
        account = await app.sign_up()
        response = await _verify(app, account, claim())
        assert response.status_code == 200, response.text
        search = await app.client.get(
            "/api/v1/regions", params={"q": "사직동"}, headers=account.headers
        )
        # The whole country is there, not just the test's 동.
        assert "광주광역시 남구 사직동" in {region["full_name"] for region in search.json()}
        # 효자동 and 청운동 were merged into 청운효자동 (2008): their codes never verify.
        for abolished in ("1111052000", "1111051000"):
            refused = await _verify(app, account, claim(region=abolished))
            assert refused.status_code == 422, refused.text
            assert refused.json()["code"] == "member.region_not_found"
        old_names = await app.client.get(
            "/api/v1/regions", params={"q": "종로구 효자동"}, headers=account.headers
        )
        # The old name finds the 동 that replaced it.
        assert [region["code"] for region in old_names.json()] == [CHEONGUN_HYOJA]


def test_the_member_service_ships_its_region_data() -> None:
    assert MemberSettings().regions_file == BUNDLED_CENTROIDS
    assert BUNDLED_CENTROIDS.is_file()


async def test_the_position_never_reaches_the_logs(
    app: MemberApp, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    caplog.set_level("DEBUG")
    account = await app.sign_up()
    await _verify(app, account, claim())
    await _verify(app, account, claim(at=GANGNAM_STATION))
    logged = caplog.text + capsys.readouterr().out
    for coordinate in (*NEAR_CHEONGUN_HYOJA, *GANGNAM_STATION):
        assert str(coordinate) not in logged
