"""Onboarding completes once (traits, a dog with traits, a verified neighbourhood) and
opens the gate: identity hears MemberOnboarded and puts ``onb`` into new tokens."""

import asyncio
from typing import Any

import jwt

from tests.support.member_app import MemberApp
from tests.support.onboarding import DOG, claim, onboard
from tests.support.polling import eventually

GATED = [
    ("GET", "/api/v1/friends", None),
    ("POST", "/api/v1/friends", {"member_id": "00000000-0000-0000-0000-000000000001"}),
    ("DELETE", "/api/v1/friends/00000000-0000-0000-0000-000000000001", None),
    ("GET", "/api/v1/blocks", None),
    ("POST", "/api/v1/blocks", {"member_id": "00000000-0000-0000-0000-000000000001"}),
    ("DELETE", "/api/v1/blocks/00000000-0000-0000-0000-000000000001", None),
    ("GET", "/api/v1/members/00000000-0000-0000-0000-000000000001", None),
]


async def test_onboarding_completes_once_whatever_the_order(app: MemberApp) -> None:
    account = await app.sign_up()
    headers = account.headers
    verified = await app.client.post(
        "/api/v1/members/me/neighbourhood", json=claim(), headers=headers
    )
    assert verified.status_code == 200
    dog = await app.client.post("/api/v1/members/me/dogs", json=DOG, headers=headers)
    assert dog.status_code == 201
    assert await app.member_events("member.MemberOnboarded", account.id) == []
    me = await app.client.patch(
        "/api/v1/members/me", json={"owner_traits": ["outgoing"]}, headers=headers
    )
    assert me.json()["onboarding_status"] == "completed"
    assert me.json()["onboarding"] == {
        "traits": True,
        "dog": True,
        "neighbourhood": True,
        "completed": True,
    }
    # Later changes, even concurrent ones, never announce it again.
    await asyncio.gather(
        app.client.post("/api/v1/members/me/neighbourhood", json=claim(), headers=headers),
        app.client.post("/api/v1/members/me/dogs", json=DOG, headers=headers),
        app.client.patch("/api/v1/members/me", json={"owner_traits": ["calm"]}, headers=headers),
    )
    (event,) = await app.member_events("member.MemberOnboarded", account.id)
    assert event["member_id"] == str(account.id)


async def test_concurrent_final_steps_announce_onboarding_once(app: MemberApp) -> None:
    account = await app.sign_up()
    headers = account.headers
    await app.client.patch("/api/v1/members/me", json={"owner_traits": ["calm"]}, headers=headers)
    await asyncio.gather(
        app.client.post("/api/v1/members/me/neighbourhood", json=claim(), headers=headers),
        app.client.post("/api/v1/members/me/dogs", json=DOG, headers=headers),
        app.client.post("/api/v1/members/me/dogs", json=DOG, headers=headers),
    )
    assert len(await app.member_events("member.MemberOnboarded", account.id)) == 1


async def test_the_gate_refuses_member_actions_before_onboarding(app: MemberApp) -> None:
    account = await app.sign_up()
    for method, path, body in GATED:
        response = await app.client.request(method, path, json=body, headers=account.headers)
        assert response.status_code == 403, (method, path)
        assert response.json()["code"] == "member.onboarding_required"
        anonymous = await app.client.request(method, path, json=body)
        assert anonymous.status_code == 401, (method, path)
    # Onboarding itself stays open.
    me = await app.client.get("/api/v1/members/me", headers=account.headers)
    assert me.status_code == 200


async def test_after_onboarding_a_refreshed_token_passes_the_gate(app: MemberApp) -> None:
    account = await app.sign_up()
    await onboard(app, account)

    async def refreshed() -> dict[str, Any]:
        response = await account.client.post("/api/v1/auth/refresh")
        assert response.status_code == 200, response.text
        token: str = response.json()["access_token"]
        claims: dict[str, Any] = jwt.decode(token, options={"verify_signature": False})
        return {"token": token, "onb": claims.get("onb", False)}

    fresh = await eventually(refreshed, until=lambda result: result["onb"] is True)
    friends = await app.client.get(
        "/api/v1/friends", headers={"Authorization": f"Bearer {fresh['token']}"}
    )
    assert friends.status_code == 200 and friends.json()["items"] == []
