"""A permanent ban from the trust service's moderation view (MemberBanned) is applied
by identity like its own: no log-in, no sign-up again with the same e-mail or social
identity; both services audit it, and trust lists it."""

from typing import Any

import httpx

from tests.support.accounts import emitted, make_admin
from tests.support.app import RunningApp
from tests.support.builders import unique_email
from tests.support.oauth_provider import OAuthTestProvider, provider_user, social_login
from tests.support.polling import eventually

REASON = {"reason": "반복된 이성 문제 신고 (증거 확인)"}


async def _admin(app: RunningApp) -> tuple[dict[str, str], str]:
    admin = await app.sign_up()
    await make_admin(app, admin["id"])
    token = await app.log_in(admin["email"], client=app.new_client())
    return {"Authorization": f"Bearer {token}"}, admin["id"]


async def _ban(app: RunningApp, auth: dict[str, str], member_id: str) -> httpx.Response:
    async def attempt() -> httpx.Response:
        return await app.client.post(
            f"/api/v1/admin/members/{member_id}/ban", json=REASON, headers=auth
        )

    # Until trust has AccountRegistered the member is unknown (404).
    return await eventually(attempt, until=lambda response: response.status_code != 404)


async def _bans(app: RunningApp, auth: dict[str, str]) -> list[dict[str, Any]]:
    response = await app.client.get("/api/v1/admin/bans", params={"limit": 100}, headers=auth)
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


async def test_a_moderation_ban_refuses_log_in_and_sign_up(mungmo: RunningApp) -> None:
    auth, admin_id = await _admin(mungmo)
    banned = await mungmo.sign_up()
    device = mungmo.new_client()
    await mungmo.log_in(banned["email"], client=device)

    response = await _ban(mungmo, auth, banned["id"])
    assert response.status_code == 200, response.text
    assert response.json()["source"] == "moderation"
    assert response.json()["reason"] == REASON["reason"]

    async def log_in() -> httpx.Response:
        return await mungmo.client.post(
            "/api/v1/auth/login", json={"email": banned["email"], "password": banned["password"]}
        )

    refused = await eventually(log_in, until=lambda r: r.status_code == 403)
    assert refused.json()["code"] == "identity.account_banned"
    assert (await device.post("/api/v1/auth/refresh")).status_code == 401
    again = await mungmo.client.post(
        "/api/v1/accounts",
        json={"email": banned["email"], "password": "another-pass-1", "nickname": "다시왔어요1"},
    )
    assert again.status_code == 403 and again.json()["code"] == "identity.identity_banned"

    # Identity audits it as the administrator's, from moderation.
    audit = await mungmo.client.get(
        "/api/v1/admin/audit-entries", params={"account_id": banned["id"]}, headers=auth
    )
    (entry,) = audit.json()["items"]
    assert (entry["action"], entry["actor_account_id"], entry["actor_label"]) == (
        "account_banned",
        admin_id,
        "moderation",
    )
    assert entry["reason"] == REASON["reason"]
    assert len(await emitted(mungmo, "identity.AccountBanned", banned["id"])) == 1

    # Trust lists the ban with its reason (identity's AccountBanned does not replace it),
    # records it in its own audit log, and a second ban changes nothing.
    await eventually(
        lambda: _bans(mungmo, auth),
        until=lambda bans: any(b["member_id"] == banned["id"] for b in bans),
    )
    (listed,) = [b for b in await _bans(mungmo, auth) if b["member_id"] == banned["id"]]
    assert listed["source"] == "moderation" and listed["banned_by"] == admin_id
    twice = await _ban(mungmo, auth, banned["id"])
    assert twice.status_code == 200
    trust_audit = await mungmo.client.get(
        "/api/v1/admin/moderation-audit-entries",
        params={"member_id": banned["id"]},
        headers=auth,
    )
    assert [e["action"] for e in trust_audit.json()["items"]] == ["member_banned"]


async def test_a_moderation_ban_keeps_the_social_identity_out(
    social_app: RunningApp, oauth_provider: OAuthTestProvider
) -> None:
    auth, _ = await _admin(social_app)
    person = oauth_provider.sign_in_as("google", provider_user("google", email=unique_email()))
    browser = social_app.new_client()
    await social_login(browser, "google")
    account_id = (await browser.post("/api/v1/auth/refresh")).json()["account_id"]
    assert (await _ban(social_app, auth, account_id)).status_code == 200

    async def comes_back() -> httpx.Response:
        oauth_provider.sign_in_as("google", person)
        return await social_login(social_app.new_client(), "google")

    refused = await eventually(comes_back, until=lambda r: r.status_code == 403)
    assert refused.json()["code"] == "identity.identity_banned"


async def test_members_cannot_ban_and_accounts_admin_bans_are_listed(mungmo: RunningApp) -> None:
    auth, _ = await _admin(mungmo)
    victim = await mungmo.sign_up()
    member = await mungmo.sign_up()
    token = await mungmo.log_in(member["email"], client=mungmo.new_client())
    refused = await mungmo.client.post(
        f"/api/v1/admin/members/{victim['id']}/ban",
        json=REASON,
        headers={"Authorization": f"Bearer {token}"},
    )
    assert refused.status_code == 403
    assert (
        await mungmo.client.get("/api/v1/admin/bans", headers={"Authorization": f"Bearer {token}"})
    ).status_code == 403
    await mungmo.log_in(victim["email"], client=mungmo.new_client())  # still allowed

    # A ban in identity's accounts admin reaches trust's list (no reason there).
    banned = await mungmo.client.post(
        f"/api/v1/admin/accounts/{victim['id']}/ban", json=REASON, headers=auth
    )
    assert banned.status_code == 200
    listed = await eventually(
        lambda: _bans(mungmo, auth),
        until=lambda bans: any(b["member_id"] == victim["id"] for b in bans),
    )
    (entry,) = [b for b in listed if b["member_id"] == victim["id"]]
    assert entry["source"] == "identity" and entry["reason"] is None
    lifted = await mungmo.client.post(
        f"/api/v1/admin/accounts/{victim['id']}/unban", json=REASON, headers=auth
    )
    assert lifted.status_code == 200
    await eventually(
        lambda: _bans(mungmo, auth),
        until=lambda bans: all(b["member_id"] != victim["id"] for b in bans),
    )
