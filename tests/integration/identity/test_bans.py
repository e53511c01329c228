"""Permanent bans by administrators: no login, no new sign-up with the same identity."""

import uuid

import httpx

from tests.support.accounts import emitted, make_admin, stored_account
from tests.support.app import RunningApp
from tests.support.builders import unique_email
from tests.support.oauth_provider import OAuthTestProvider, provider_user, social_login


def ban_path(account_id: str) -> str:
    return f"/api/v1/admin/accounts/{account_id}/ban"


BAN = {"reason": "스팸 게시물 반복"}


async def admin_headers(app: RunningApp) -> tuple[dict[str, str], str]:
    admin = await app.sign_up()
    await make_admin(app, admin["id"])
    token = await app.log_in(admin["email"], client=app.new_client())
    return {"Authorization": f"Bearer {token}"}, admin["id"]


async def test_members_cannot_ban(mungmo: RunningApp) -> None:
    victim = await mungmo.sign_up()
    member = await mungmo.sign_up()
    token = await mungmo.log_in(member["email"], client=mungmo.new_client())
    response = await mungmo.client.post(
        ban_path(victim["id"]), json=BAN, headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code == 403
    assert response.json()["code"] == "auth.forbidden"
    assert (await mungmo.client.post(ban_path(victim["id"]), json=BAN)).status_code == 401
    stored = await stored_account(mungmo, victim["id"])
    assert stored is not None and stored.status == "active"


async def test_a_banned_account_cannot_log_in_refresh_or_sign_up_again(mungmo: RunningApp) -> None:
    auth, _ = await admin_headers(mungmo)
    banned = await mungmo.sign_up()
    device = mungmo.new_client()
    await mungmo.log_in(banned["email"], client=device)

    response = await mungmo.client.post(ban_path(banned["id"]), json=BAN, headers=auth)
    assert response.status_code == 200, response.text
    assert response.json()["status"] == "banned" and response.json()["id"] == banned["id"]
    events = await emitted(mungmo, "identity.AccountBanned", banned["id"])
    assert [event["account_id"] for event in events] == [banned["id"]]

    assert (await device.post("/api/v1/auth/refresh")).status_code == 401
    login = await mungmo.client.post(
        "/api/v1/auth/login", json={"email": banned["email"], "password": banned["password"]}
    )
    assert login.status_code == 403 and login.json()["code"] == "identity.account_banned"
    again = await mungmo.client.post(
        "/api/v1/accounts",
        json={
            "email": banned["email"].upper(),
            "password": "another-pass-1",
            "nickname": "새이름123",
        },
    )
    assert again.status_code == 403
    assert again.json()["code"] == "identity.identity_banned"

    # Banning again changes nothing and tells no one twice.
    twice = await mungmo.client.post(ban_path(banned["id"]), json=BAN, headers=auth)
    assert twice.status_code == 200
    assert len(await emitted(mungmo, "identity.AccountBanned", banned["id"])) == 1


async def test_unknown_accounts_and_oneself(mungmo: RunningApp) -> None:
    auth, admin_id = await admin_headers(mungmo)
    unknown = await mungmo.client.post(ban_path(str(uuid.uuid4())), json=BAN, headers=auth)
    assert unknown.status_code == 404 and unknown.json()["code"] == "identity.account_not_found"
    bad_id = await mungmo.client.post(ban_path("not-an-id"), json=BAN, headers=auth)
    assert bad_id.status_code == 422
    self_ban = await mungmo.client.post(ban_path(admin_id), json=BAN, headers=auth)
    assert self_ban.status_code == 409 and self_ban.json()["code"] == "identity.cannot_ban_self"


async def test_a_banned_social_identity_cannot_come_back(
    social_app: RunningApp, oauth_provider: OAuthTestProvider
) -> None:
    auth, _ = await admin_headers(social_app)
    email = unique_email()
    person = oauth_provider.sign_in_as("google", provider_user("google", email=email))
    browser = social_app.new_client()
    await social_login(browser, "google")
    account_id = (await browser.post("/api/v1/auth/refresh")).json()["account_id"]
    assert (
        await social_app.client.post(ban_path(account_id), json=BAN, headers=auth)
    ).status_code == 200

    async def comes_back(provider: str) -> httpx.Response:
        return await social_login(social_app.new_client(), provider)  # type: ignore[arg-type]

    oauth_provider.sign_in_as("google", person)
    same_person = await comes_back("google")
    assert same_person.status_code == 403
    assert same_person.json()["code"] == "identity.identity_banned"
    # Another provider vouching for the same e-mail is the same identity.
    oauth_provider.sign_in_as("kakao", provider_user("kakao", email=email))
    other_provider = await comes_back("kakao")
    assert other_provider.status_code == 403
    assert other_provider.json()["code"] == "identity.identity_banned"
    sign_up = await social_app.client.post(
        "/api/v1/accounts",
        json={"email": email, "password": "another-pass-1", "nickname": "돌아온보리"},
    )
    assert sign_up.status_code == 403
