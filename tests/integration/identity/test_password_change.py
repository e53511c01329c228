"""Changing the password: proves the current one, logs out the other devices."""

import asyncio

from tests.support.app import RunningApp
from tests.support.oauth_provider import OAuthTestProvider, provider_user, social_login

PATH = "/api/v1/accounts/me/password"
NEW = "brand-new-horse-7"


async def test_change_password_keeps_this_session_and_ends_the_others(mungmo: RunningApp) -> None:
    account = await mungmo.sign_up()
    phone, laptop = mungmo.new_client(), mungmo.new_client()
    token = await mungmo.log_in(account["email"], client=phone)
    await mungmo.log_in(account["email"], client=laptop)

    response = await phone.post(
        PATH,
        json={"current_password": account["password"], "new_password": NEW},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 204, response.text
    assert (await phone.post("/api/v1/auth/refresh")).status_code == 200
    ended = await laptop.post("/api/v1/auth/refresh")
    assert ended.status_code == 401 and ended.json()["code"] == "identity.refresh_invalid"

    old = await mungmo.new_client().post(
        "/api/v1/auth/login", json={"email": account["email"], "password": account["password"]}
    )
    assert old.status_code == 401
    await mungmo.log_in(account["email"], NEW, client=mungmo.new_client())


async def test_a_wrong_current_password_changes_nothing(mungmo: RunningApp) -> None:
    account = await mungmo.sign_up()
    other_device = mungmo.new_client()
    await mungmo.log_in(account["email"], client=other_device)
    token = await mungmo.log_in(account["email"], client=mungmo.new_client())
    response = await mungmo.client.post(
        PATH,
        json={"current_password": "not-the-password", "new_password": NEW},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 403
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["code"] == "identity.wrong_password"
    assert (await other_device.post("/api/v1/auth/refresh")).status_code == 200
    await mungmo.log_in(account["email"], account["password"], client=mungmo.new_client())


async def test_guessing_the_current_password_is_rate_limited(mungmo: RunningApp) -> None:
    account = await mungmo.sign_up()
    token = await mungmo.log_in(account["email"], client=mungmo.new_client())
    auth = {"Authorization": f"Bearer {token}"}
    statuses = [
        (
            await mungmo.client.post(
                PATH, json={"current_password": f"guess-{n}-xx", "new_password": NEW}, headers=auth
            )
        ).status_code
        for n in range(11)
    ]
    assert statuses == [403] * 10 + [429]


async def test_new_password_rules_and_the_same_password(mungmo: RunningApp) -> None:
    account = await mungmo.sign_up()
    auth = {"Authorization": f"Bearer {await mungmo.log_in(account['email'])}"}
    short = await mungmo.client.post(
        PATH, json={"current_password": account["password"], "new_password": "short"}, headers=auth
    )
    assert short.status_code == 422
    assert short.json()["errors"][0] == {
        "field": "new_password",
        "code": "validation.too_short",
        "message": short.json()["errors"][0]["message"],
    }
    same = await mungmo.client.post(
        PATH,
        json={"current_password": account["password"], "new_password": account["password"]},
        headers=auth,
    )
    assert same.status_code == 400 and same.json()["code"] == "identity.password_unchanged"


async def test_needs_a_login_and_only_touches_the_callers_password(mungmo: RunningApp) -> None:
    victim = await mungmo.sign_up()
    anonymous = await mungmo.client.post(
        PATH, json={"current_password": victim["password"], "new_password": NEW}
    )
    assert anonymous.status_code == 401
    attacker = await mungmo.sign_up(password="attacker-pass-1")
    token = await mungmo.log_in(attacker["email"], "attacker-pass-1", client=mungmo.new_client())
    # The victim's password does not help: the attacker's own account is checked.
    response = await mungmo.client.post(
        PATH,
        json={"current_password": victim["password"], "new_password": NEW},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 403
    await mungmo.log_in(victim["email"], victim["password"], client=mungmo.new_client())


async def test_concurrent_changes_leave_one_password(mungmo: RunningApp) -> None:
    account = await mungmo.sign_up()
    auth = {"Authorization": f"Bearer {await mungmo.log_in(account['email'])}"}
    candidates = [f"racing-horse-{n}" for n in range(3)]
    responses = await asyncio.gather(
        *[
            mungmo.client.post(
                PATH,
                json={"current_password": account["password"], "new_password": candidate},
                headers=auth,
            )
            for candidate in candidates
        ]
    )
    assert sorted(r.status_code for r in responses) == [204, 403, 403]
    winner = candidates[[r.status_code for r in responses].index(204)]
    await mungmo.log_in(account["email"], winner, client=mungmo.new_client())


async def test_social_only_accounts_have_no_password_to_change(
    social_app: RunningApp, oauth_provider: OAuthTestProvider
) -> None:
    oauth_provider.sign_in_as("kakao", provider_user("kakao", email=None))
    browser = social_app.new_client()
    await social_login(browser, "kakao")
    token = (await browser.post("/api/v1/auth/refresh")).json()["access_token"]
    response = await browser.post(
        PATH,
        json={"current_password": "anything-1", "new_password": NEW},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 409
    assert response.json()["code"] == "identity.password_not_set"
