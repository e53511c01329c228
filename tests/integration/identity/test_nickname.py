"""Changing the nickname: sign-up rules, uniqueness, the cooldown, races."""

import asyncio
from typing import Any

from tests.support.accounts import emitted, stored_account
from tests.support.app import RunningApp, running_app
from tests.support.builders import unique_nickname
from tests.support.stack import Stack

PATH = "/api/v1/accounts/me/nickname"


async def logged_in(app: RunningApp) -> tuple[dict[str, Any], dict[str, str]]:
    account = await app.sign_up()
    token = await app.log_in(account["email"], client=app.new_client())
    return account, {"Authorization": f"Bearer {token}"}


async def test_change_nickname_and_tell_other_services(mungmo: RunningApp) -> None:
    account, auth = await logged_in(mungmo)
    new = unique_nickname("초코")
    response = await mungmo.client.patch(PATH, json={"nickname": new}, headers=auth)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["nickname"] == new and body["id"] == account["id"]
    assert body["nickname_change_allowed_at"] is not None
    assert "password_hash" not in body
    events = await emitted(mungmo, "identity.NicknameChanged", account["id"])
    assert [event["nickname"] for event in events] == [new]
    # The old name is free again; the new one is taken whatever the case.
    await mungmo.sign_up(nickname=account["nickname"])
    clash = await mungmo.client.post(
        "/api/v1/accounts",
        json={
            "email": "x" + account["email"],
            "password": "correct-horse-9",
            "nickname": new.upper(),
        },
    )
    assert clash.status_code == 409


async def test_taken_nicknames_are_refused_ignoring_case(mungmo: RunningApp) -> None:
    taken = await mungmo.sign_up(nickname="Bori" + unique_nickname("x"))
    account, auth = await logged_in(mungmo)
    response = await mungmo.client.patch(
        PATH, json={"nickname": taken["nickname"].lower()}, headers=auth
    )
    assert response.status_code == 409
    assert response.json()["code"] == "identity.nickname_taken"
    assert response.json()["errors"][0]["field"] == "nickname"
    stored = await stored_account(mungmo, account["id"])
    assert stored is not None and stored.nickname == account["nickname"]
    assert stored.nickname_changed_at is None  # a refused change does not start the cooldown


async def test_bad_nicknames_follow_the_sign_up_rules(mungmo: RunningApp) -> None:
    account, auth = await logged_in(mungmo)
    for bad in ["a", "보 리", "<b>x</b>", "x" * 21]:
        response = await mungmo.client.patch(PATH, json={"nickname": bad}, headers=auth)
        assert response.status_code == 422, bad
        assert response.json()["errors"][0]["field"] == "nickname"
    unknown = await mungmo.client.patch(PATH, json={"nickname": "보리", "id": "x"}, headers=auth)
    assert unknown.status_code == 422
    stored = await stored_account(mungmo, account["id"])
    assert stored is not None and stored.nickname == account["nickname"]


async def test_second_change_within_the_cooldown_is_refused_with_the_date(
    mungmo: RunningApp,
) -> None:
    account, auth = await logged_in(mungmo)
    first = await mungmo.client.patch(PATH, json={"nickname": unique_nickname()}, headers=auth)
    allowed_at = first.json()["nickname_change_allowed_at"]
    second = await mungmo.client.patch(PATH, json={"nickname": unique_nickname()}, headers=auth)
    assert second.status_code == 429
    assert second.headers["content-type"] == "application/problem+json"
    assert second.json()["code"] == "identity.nickname_cooldown"
    assert allowed_at[:10] in second.json()["detail"]
    assert 29 * 86400 < int(second.headers["retry-after"]) <= 30 * 86400 + 1
    me = await mungmo.client.get("/api/v1/accounts/me", headers=auth)
    assert me.json()["nickname"] == first.json()["nickname"]
    assert me.json()["nickname_change_allowed_at"] == allowed_at
    assert len(await emitted(mungmo, "identity.NicknameChanged", account["id"])) == 1


async def test_the_cooldown_is_a_setting(stack: Stack) -> None:
    async with running_app(stack, identity={"nickname_change_cooldown_days": 0}) as app:
        _, auth = await logged_in(app)
        for _ in range(2):
            response = await app.client.patch(
                PATH, json={"nickname": unique_nickname()}, headers=auth
            )
            assert response.status_code == 200


async def test_two_accounts_racing_for_one_nickname_one_wins(mungmo: RunningApp) -> None:
    contenders = [await logged_in(mungmo) for _ in range(4)]
    wanted = unique_nickname("해피")
    responses = await asyncio.gather(
        *[
            mungmo.client.patch(PATH, json={"nickname": wanted}, headers=auth)
            for _, auth in contenders
        ]
    )
    statuses = sorted(r.status_code for r in responses)
    assert statuses == [200, 409, 409, 409]
    assert all(
        r.json()["code"] == "identity.nickname_taken" for r in responses if r.status_code == 409
    )


async def test_one_account_racing_two_changes_gets_one(mungmo: RunningApp) -> None:
    account, auth = await logged_in(mungmo)
    responses = await asyncio.gather(
        *[
            mungmo.client.patch(PATH, json={"nickname": unique_nickname()}, headers=auth)
            for _ in range(3)
        ]
    )
    assert sorted(r.status_code for r in responses) == [200, 429, 429]
    assert len(await emitted(mungmo, "identity.NicknameChanged", account["id"])) == 1


async def test_changing_needs_a_login_and_touches_only_the_callers_account(
    mungmo: RunningApp,
) -> None:
    victim, _ = await logged_in(mungmo)
    anonymous = await mungmo.client.patch(PATH, json={"nickname": unique_nickname()})
    assert anonymous.status_code == 401
    _, auth = await logged_in(mungmo)
    mine = unique_nickname()
    response = await mungmo.client.patch(PATH, json={"nickname": mine}, headers=auth)
    assert response.status_code == 200 and response.json()["id"] != victim["id"]
    stored = await stored_account(mungmo, victim["id"])
    assert stored is not None and stored.nickname == victim["nickname"]
