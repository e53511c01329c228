"""A banned or deleted account's access token stops working in every service within
seconds, long before it expires (one process here; tests/infra has split processes)."""

import uuid
from typing import Any

import httpx

from tests.support.accounts import make_admin
from tests.support.app import RunningApp
from tests.support.polling import eventually

# One endpoint of each service that any logged-in account may call.
PROBES = {
    "identity": "/api/v1/accounts/me",
    "member": "/api/v1/members/me",
    "media": f"/api/v1/media/{uuid.uuid4()}",
}


async def _statuses(app: RunningApp, token: str) -> dict[str, int]:
    headers = {"Authorization": f"Bearer {token}"}
    return {
        service: (await app.client.get(path, headers=headers)).status_code
        for service, path in PROBES.items()
    }


async def _logged_in(app: RunningApp) -> tuple[dict[str, Any], str]:
    account = await app.sign_up()
    token = await app.log_in(account["email"], client=app.new_client())
    # Member's profile shell is made from the sign-up event; wait for it.
    await eventually(lambda: _statuses(app, token), until=lambda found: found["member"] == 200)
    return account, token


def _revoked(response: httpx.Response) -> None:
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["code"] == "auth.access_revoked"


async def test_a_ban_revokes_the_members_access_token_everywhere(mungmo: RunningApp) -> None:
    admin, _ = await _logged_in(mungmo)
    await make_admin(mungmo, admin["id"])
    admin_token = await mungmo.log_in(admin["email"], client=mungmo.new_client())
    banned, token = await _logged_in(mungmo)
    _, bystander_token = await _logged_in(mungmo)
    assert await _statuses(mungmo, token) == {"identity": 200, "member": 200, "media": 404}

    ban = await mungmo.client.post(
        f"/api/v1/admin/accounts/{banned['id']}/ban",
        json={"reason": "광고 도배"},
        headers={"Authorization": f"Bearer {admin_token}"},
    )
    assert ban.status_code == 200, ban.text

    refused = await eventually(
        lambda: _statuses(mungmo, token),
        until=lambda found: set(found.values()) == {401},
        timeout=5,
    )
    assert refused == {"identity": 401, "member": 401, "media": 401}
    for path in PROBES.values():
        _revoked(await mungmo.client.get(path, headers={"Authorization": f"Bearer {token}"}))
    # Everyone else carries on.
    assert await _statuses(mungmo, bystander_token) == {
        "identity": 200,
        "member": 200,
        "media": 404,
    }
    assert (await _statuses(mungmo, admin_token))["identity"] == 200

    unban = await mungmo.client.post(
        f"/api/v1/admin/accounts/{banned['id']}/unban",
        json={"reason": "이의 신청 받아들임"},
        headers={"Authorization": f"Bearer {admin_token}"},
    )
    assert unban.status_code == 200, unban.text
    # A token issued after the unban works in every service as soon as they know of it.
    fresh = await mungmo.log_in(banned["email"], client=mungmo.new_client())
    await eventually(
        lambda: _statuses(mungmo, fresh),
        until=lambda found: found == {"identity": 200, "member": 200, "media": 404},
        timeout=5,
    )


async def test_deleting_the_account_revokes_its_access_token_everywhere(
    mungmo: RunningApp,
) -> None:
    account, token = await _logged_in(mungmo)
    deleted = await mungmo.client.request(
        "DELETE",
        "/api/v1/accounts/me",
        json={"password": account["password"]},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert deleted.status_code == 204, deleted.text

    refused = await eventually(
        lambda: _statuses(mungmo, token),
        until=lambda found: set(found.values()) == {401},
        timeout=5,
    )
    assert refused == {"identity": 401, "member": 401, "media": 401}
    _revoked(await mungmo.client.get(PROBES["media"], headers={"Authorization": f"Bearer {token}"}))


async def test_a_revoked_admin_role_goes_at_once_and_a_refresh_carries_on(
    mungmo: RunningApp,
) -> None:
    granter, _ = await _logged_in(mungmo)
    await make_admin(mungmo, granter["id"])
    granter_token = await mungmo.log_in(granter["email"], client=mungmo.new_client())
    demoted, _ = await _logged_in(mungmo)
    await make_admin(mungmo, demoted["id"])
    browser = mungmo.new_client()
    demoted_token = await mungmo.log_in(demoted["email"], client=browser)
    admin_page = "/api/v1/admin/accounts"
    stale = {"Authorization": f"Bearer {demoted_token}"}
    assert (await mungmo.client.get(admin_page, headers=stale)).status_code == 200

    revoked = await mungmo.client.post(
        f"/api/v1/admin/accounts/{demoted['id']}/role-revocations",
        json={"role": "admin", "reason": "운영진 교체"},
        headers={"Authorization": f"Bearer {granter_token}"},
    )
    assert revoked.status_code == 200, revoked.text

    # The token that still says "admin" is sent back for a refresh everywhere.
    refused = await eventually(
        lambda: _statuses(mungmo, demoted_token),
        until=lambda found: set(found.values()) == {401},
        timeout=5,
    )
    assert refused == {"identity": 401, "member": 401, "media": 401}
    expired = await mungmo.client.get(admin_page, headers=stale)
    assert expired.status_code == 401 and expired.json()["code"] == "auth.token_expired"

    # A refresh, even in the same second, gives a token with the current roles.
    refreshed = await browser.post("/api/v1/auth/refresh")
    assert refreshed.status_code == 200, refreshed.text
    fresh = refreshed.json()["access_token"]
    assert await _statuses(mungmo, fresh) == {"identity": 200, "member": 200, "media": 404}
    denied = await mungmo.client.get(admin_page, headers={"Authorization": f"Bearer {fresh}"})
    assert denied.status_code == 403
    # The administrator who revoked it is untouched.
    assert (await _statuses(mungmo, granter_token))["identity"] == 200
