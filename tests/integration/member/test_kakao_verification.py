"""Verification through Kakao Local coord2regioncode, against a local HTTP server that
answers in Kakao's shape (the real adapter, real HTTP)."""

import socket
from collections.abc import Iterator

import pytest

from tests.support.kakao_local import FakeKakaoLocal, KakaoArea, fake_kakao_local
from tests.support.member_app import member_app
from tests.support.onboarding import claim
from tests.support.regions import (
    CHEONGUN_HYOJA,
    CHEONGUN_HYOJA_NAME,
    GANGNAM_STATION,
    NEAR_CHEONGUN_HYOJA,
)
from tests.support.stack import Stack

KEY = "test-rest-key"
VERIFY = "/api/v1/members/me/neighbourhood"
AREAS = [
    KakaoArea(
        37.580,
        126.960,
        37.590,
        126.975,
        h_code=CHEONGUN_HYOJA,
        h_name=CHEONGUN_HYOJA_NAME,
        b_code="1111010100",
        b_name="서울특별시 종로구 청운동",
    ),
    KakaoArea(
        37.490,
        127.020,
        37.505,
        127.035,
        h_code="1168064000",
        h_name="서울특별시 강남구 역삼1동",
        b_code="1168010100",
        b_name="서울특별시 강남구 역삼동",
    ),
]


@pytest.fixture
def kakao() -> Iterator[FakeKakaoLocal]:
    with fake_kakao_local(KEY, AREAS) as server:
        yield server


def _settings(kakao: FakeKakaoLocal, key: str = KEY) -> dict[str, str]:
    return {"region_verifier": "kakao", "kakao_rest_key": key, "kakao_base_url": kakao.url}


async def test_kakao_confirms_the_administrative_dong(stack: Stack, kakao: FakeKakaoLocal) -> None:
    # No regions imported: Kakao knows the 행정동 on its own.
    async with member_app(stack, **_settings(kakao)) as app:
        account = await app.sign_up()
        response = await app.client.post(VERIFY, json=claim(), headers=account.headers)
        assert response.status_code == 200, response.text
        assert response.json()["full_name"] == CHEONGUN_HYOJA_NAME
        (request,) = kakao.requests
        assert request["path"] == "/v2/local/geo/coord2regioncode.json"
        assert request["authorization"] == f"KakaoAK {KEY}"
        assert request["query"] == {
            "x": [str(NEAR_CHEONGUN_HYOJA[1])],
            "y": [str(NEAR_CHEONGUN_HYOJA[0])],
        }


async def test_kakao_placing_the_position_elsewhere_is_a_refusal(
    stack: Stack, kakao: FakeKakaoLocal
) -> None:
    async with member_app(stack, **_settings(kakao)) as app:
        account = await app.sign_up()
        for position in (GANGNAM_STATION, (33.0, 124.0)):  # another 동; the open sea
            response = await app.client.post(
                VERIFY, json=claim(at=position), headers=account.headers
            )
            assert response.status_code == 422
            assert response.json()["code"] == "member.position_outside_region"
        me = await app.client.get("/api/v1/members/me", headers=account.headers)
        assert me.json()["neighbourhood"] is None


async def test_a_refused_key_is_a_503(stack: Stack, kakao: FakeKakaoLocal) -> None:
    async with member_app(stack, **_settings(kakao, key="wrong-key")) as app:
        account = await app.sign_up()
        wrong_key = await app.client.post(VERIFY, json=claim(), headers=account.headers)
        assert wrong_key.status_code == 503
        assert wrong_key.json()["code"] == "member.region_lookup_failed"


async def test_kakao_failing_refuses_rather_than_accepts(
    stack: Stack, kakao: FakeKakaoLocal
) -> None:
    kakao.failing = True
    async with member_app(stack, **_settings(kakao)) as app:
        account = await app.sign_up()
        failing = await app.client.post(VERIFY, json=claim(), headers=account.headers)
        assert failing.json()["code"] == "member.region_lookup_failed"
        me = await app.client.get("/api/v1/members/me", headers=account.headers)
        assert me.json()["neighbourhood"] is None


async def test_kakao_unreachable_is_a_503(stack: Stack) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    settings = {
        "region_verifier": "kakao",
        "kakao_rest_key": KEY,
        "kakao_base_url": f"http://127.0.0.1:{closed_port}",
    }
    async with member_app(stack, **settings) as app:
        account = await app.sign_up()
        response = await app.client.post(VERIFY, json=claim(), headers=account.headers)
        assert response.status_code == 503
        assert response.json()["code"] == "member.region_lookup_failed"
        assert str(NEAR_CHEONGUN_HYOJA[0]) not in response.text


async def test_kakao_without_a_key_refuses_every_claim(stack: Stack) -> None:
    async with member_app(stack, region_verifier="kakao") as app:
        account = await app.sign_up()
        response = await app.client.post(VERIFY, json=claim(), headers=account.headers)
        assert response.status_code == 503
        assert response.json()["code"] == "member.region_data_missing"


async def test_kakao_requests_stay_out_of_the_logs(
    stack: Stack,
    kakao: FakeKakaoLocal,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    caplog.set_level("DEBUG")
    async with member_app(stack, **_settings(kakao)) as app:
        account = await app.sign_up()
        response = await app.client.post(VERIFY, json=claim(), headers=account.headers)
        assert response.status_code == 200
    assert kakao.requests
    logged = caplog.text + capsys.readouterr().out
    for coordinate in NEAR_CHEONGUN_HYOJA:
        assert str(coordinate) not in logged
