"""Deleting the account: proof of ownership, erasure, sessions end, others are told."""

import uuid
from typing import Any

import httpx
from sqlalchemy import func, select

from mungmo.identity.models import SocialLink
from tests.support.accounts import emitted, identity_database, stored_account
from tests.support.app import RunningApp, running_app
from tests.support.oauth_provider import OAuthTestProvider, provider_user, social_login
from tests.support.stack import Stack

PATH = "/api/v1/accounts/me"


async def delete(client: httpx.AsyncClient, token: str, body: dict[str, Any]) -> httpx.Response:
    return await client.request(
        "DELETE", PATH, json=body, headers={"Authorization": f"Bearer {token}"}
    )


async def test_deleting_with_the_password_erases_and_ends_everything(mungmo: RunningApp) -> None:
    account = await mungmo.sign_up()
    other_device = mungmo.new_client()
    await mungmo.log_in(account["email"], client=other_device)
    browser = mungmo.new_client()
    token = await mungmo.log_in(account["email"], client=browser)

    response = await delete(browser, token, {"password": account["password"]})
    assert response.status_code == 204, response.text
    cleared = response.headers["set-cookie"]
    assert "mungmo_refresh=" in cleared and ("Max-Age=0" in cleared or '=""' in cleared)

    stored = await stored_account(mungmo, account["id"])
    assert stored is not None and stored.status == "deleted"
    assert stored.email == f"deleted+{stored.id.hex}@invalid"
    assert stored.password_hash is None and stored.nickname == "" and stored.nickname_key is None
    events = await emitted(mungmo, "identity.AccountDeleted", account["id"])
    assert [event["account_id"] for event in events] == [account["id"]]

    for device in (browser, other_device):
        assert (await device.post("/api/v1/auth/refresh")).status_code == 401
    login = await mungmo.client.post(
        "/api/v1/auth/login", json={"email": account["email"], "password": account["password"]}
    )
    assert login.status_code == 401
    # The e-mail and the nickname are free for a new sign-up.
    again = await mungmo.sign_up(email=account["email"], nickname=account["nickname"])
    assert again["id"] != account["id"]
    # The still-valid access token of the deleted account reaches nothing in identity:
    # the account is gone (404), or, once the deny list has the deletion (about a
    # second), the token itself is refused (401).
    gone = await browser.get(PATH, headers={"Authorization": f"Bearer {token}"})
    assert (gone.status_code, gone.json()["code"]) in {
        (404, "identity.account_not_found"),
        (401, "auth.access_revoked"),
    }


async def test_a_wrong_or_missing_password_deletes_nothing(mungmo: RunningApp) -> None:
    account = await mungmo.sign_up()
    token = await mungmo.log_in(account["email"])
    for body in ({"password": "not-the-password"}, {}, {"confirm": "탈퇴"}):
        response = await delete(mungmo.client, token, body)
        assert response.status_code == 403, body
        assert response.json()["code"] == "identity.wrong_password"
    stored = await stored_account(mungmo, account["id"])
    assert stored is not None and stored.status == "active"
    assert await emitted(mungmo, "identity.AccountDeleted", account["id"]) == []
    assert (await mungmo.client.post("/api/v1/auth/refresh")).status_code == 200


async def test_deleting_needs_a_login_and_only_deletes_the_callers_account(
    mungmo: RunningApp,
) -> None:
    victim = await mungmo.sign_up()
    anonymous = await mungmo.client.request("DELETE", PATH, json={"password": victim["password"]})
    assert anonymous.status_code == 401
    attacker = await mungmo.sign_up(password="attacker-pass-1")
    token = await mungmo.log_in(attacker["email"], "attacker-pass-1", client=mungmo.new_client())
    # The victim's password does not help: the caller's own account is what gets checked.
    refused = await delete(mungmo.client, token, {"password": victim["password"]})
    assert refused.status_code == 403
    stored = await stored_account(mungmo, victim["id"])
    assert stored is not None and stored.status == "active"


async def test_social_only_accounts_confirm_by_typing_and_a_fresh_login(
    social_app: RunningApp, oauth_provider: OAuthTestProvider
) -> None:
    person = oauth_provider.sign_in_as("naver", provider_user("naver", email=None))
    browser = social_app.new_client()
    await social_login(browser, "naver")
    token = (await browser.post("/api/v1/auth/refresh")).json()
    unconfirmed = await delete(browser, token["access_token"], {"confirm": "delete"})
    assert unconfirmed.status_code == 400
    assert unconfirmed.json()["code"] == "identity.delete_confirmation_required"

    deleted = await delete(browser, token["access_token"], {"confirm": "탈퇴"})
    assert deleted.status_code == 204
    database = identity_database(social_app)
    async with database.session() as session:
        links = await session.scalar(
            select(func.count())
            .select_from(SocialLink)
            .where(SocialLink.account_id == uuid.UUID(token["account_id"]))
        )
    assert links == 0
    # The same Naver person logging in again starts a brand-new account.
    oauth_provider.sign_in_as("naver", person)
    again = social_app.new_client()
    await social_login(again, "naver")
    assert (await again.post("/api/v1/auth/refresh")).json()["account_id"] != token["account_id"]


async def test_a_stale_social_session_must_log_in_again_to_delete(
    stack: Stack, oauth_provider: OAuthTestProvider
) -> None:
    settings = {**oauth_provider.identity_settings(), "reauthentication_window_minutes": -1}
    async with running_app(stack, identity=settings) as app:
        oauth_provider.sign_in_as("google", provider_user("google", email=None))
        browser = app.new_client()
        await social_login(browser, "google")
        token = (await browser.post("/api/v1/auth/refresh")).json()["access_token"]
        response = await delete(browser, token, {"confirm": "탈퇴"})
        assert response.status_code == 403
        assert response.json()["code"] == "identity.reauthentication_required"
        assert (await browser.post("/api/v1/auth/refresh")).status_code == 200
