"""AccountRegistered crosses from identity to member: the profile shell appears."""

import uuid

from tests.support.member_app import MemberApp
from tests.support.polling import eventually


async def test_new_account_gets_a_pending_profile_with_score_30(app: MemberApp) -> None:
    browser = app.browser()
    created = await browser.post(
        "/api/v1/accounts",
        json={
            "email": f"{uuid.uuid4().hex[:10]}@example.com",
            "password": "correct-horse-9",
            "nickname": f"멍{uuid.uuid4().hex[:6]}",
        },
    )
    assert created.status_code == 201, created.text
    account = created.json()
    headers = app.headers(uuid.UUID(account["id"]), onboarded=False)

    async def my_profile():  # type: ignore[no-untyped-def]
        return await app.client.get("/api/v1/members/me", headers=headers)

    response = await eventually(my_profile, until=lambda r: r.status_code == 200)
    assert response.json() == {
        "id": account["id"],
        "nickname": account["nickname"],
        "trust_score": 30,
        "onboarding_status": "pending",
        "created_at": account["created_at"],
        "birth_year": None,
        "gender": None,
        "age_public": False,
        "gender_public": False,
        "photo_media_id": None,
        "photo_url": None,
        "photo_thumbnail_url": None,
        "owner_traits": [],
        "dogs": [],
        "neighbourhood": None,
        "onboarding": {"traits": False, "dog": False, "neighbourhood": False, "completed": False},
    }
    created_events = await app.member_events("member.MemberCreated", uuid.UUID(account["id"]))
    assert [event["trust_score"] for event in created_events] == [30]


async def test_each_member_sees_only_their_own_profile(app: MemberApp) -> None:
    first = await app.sign_up()
    second = await app.sign_up()
    response = await app.client.get("/api/v1/members/me", headers=second.headers)
    assert response.json()["id"] == str(second.id) != str(first.id)


async def test_profile_not_yet_created_is_a_clear_404(app: MemberApp) -> None:
    # A valid token for an account whose member record does not exist (event not applied).
    response = await app.client.get(
        "/api/v1/members/me", headers=app.headers(uuid.uuid4(), onboarded=False)
    )
    assert response.status_code == 404
    assert response.json()["code"] == "member.not_found"


async def test_my_profile_needs_a_login(app: MemberApp) -> None:
    response = await app.client.get("/api/v1/members/me")
    assert response.status_code == 401
    assert response.headers["content-type"].startswith("application/problem+json")
