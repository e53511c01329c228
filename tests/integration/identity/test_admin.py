"""The administrators' API: search, roles, ban and unban, each recorded in the audit log."""

import asyncio
import uuid
from typing import Any

import pytest
from sqlalchemy import delete, select, update

from mungmo.identity.models import AdminAuditEntry, BannedIdentity
from mungmo.platform.db.append_only import AuditEntryImmutable
from tests.support.accounts import emitted, identity_database, make_admin, stored_account
from tests.support.app import RunningApp

ACCOUNTS = "/api/v1/admin/accounts"
AUDIT = "/api/v1/admin/audit-entries"


async def admin_session(app: RunningApp) -> tuple[dict[str, str], str]:
    admin = await app.sign_up()
    await make_admin(app, admin["id"])
    token = await app.log_in(admin["email"], client=app.new_client())
    return {"Authorization": f"Bearer {token}"}, admin["id"]


async def audit_rows(app: RunningApp, target: str | None = None) -> list[AdminAuditEntry]:
    async with identity_database(app).session() as session:
        statement = select(AdminAuditEntry).order_by(AdminAuditEntry.created_at)
        if target is not None:
            statement = statement.where(AdminAuditEntry.target_account_id == uuid.UUID(target))
        return list(await session.scalars(statement))


def entry_facts(entry: AdminAuditEntry) -> tuple[Any, ...]:
    return (
        entry.action,
        str(entry.target_account_id),
        entry.role,
        entry.reason,
        str(entry.actor_account_id),
        entry.actor_label,
    )


async def test_members_get_403_on_every_admin_endpoint(mungmo: RunningApp) -> None:
    victim = await mungmo.sign_up()
    member = await mungmo.sign_up()
    token = await mungmo.log_in(member["email"], client=mungmo.new_client())
    auth = {"Authorization": f"Bearer {token}"}
    target = f"{ACCOUNTS}/{victim['id']}"
    reason = {"reason": "why not"}
    calls = [
        ("GET", ACCOUNTS, None),
        ("GET", target, None),
        ("POST", f"{target}/role-grants", {"role": "admin", **reason}),
        ("POST", f"{target}/role-revocations", {"role": "admin", **reason}),
        ("POST", f"{target}/ban", reason),
        ("POST", f"{target}/unban", reason),
        ("GET", AUDIT, None),
    ]
    for method, path, body in calls:
        response = await mungmo.client.request(method, path, json=body, headers=auth)
        assert response.status_code == 403, (method, path, response.text)
        assert response.headers["content-type"].startswith("application/problem+json")
        assert response.json()["code"] == "auth.forbidden"
        anonymous = await mungmo.client.request(method, path, json=body)
        assert anonymous.status_code == 401, (method, path)
    assert await audit_rows(mungmo) == []
    stored = await stored_account(mungmo, victim["id"])
    assert stored is not None and stored.status == "active"


async def test_search_finds_accounts_by_email_or_nickname_in_pages(mungmo: RunningApp) -> None:
    auth, _ = await admin_session(mungmo)
    marker = uuid.uuid4().hex[:6]
    by_nickname = [await mungmo.sign_up(nickname=f"콩{marker}{n}") for n in range(3)]
    by_email = await mungmo.sign_up(email=f"x{marker}-{uuid.uuid4().hex[:8]}@example.com")

    first = await mungmo.client.get(ACCOUNTS, params={"q": marker, "limit": 2}, headers=auth)
    assert first.status_code == 200, first.text
    page = first.json()
    assert [item["id"] for item in page["items"]] == [by_email["id"], by_nickname[2]["id"]]
    assert page["items"][0]["roles"] == ["member"]
    assert page["items"][0]["status"] == "active"
    second = await mungmo.client.get(
        ACCOUNTS,
        params={"q": marker.upper(), "limit": 2, "cursor": page["next_cursor"]},
        headers=auth,
    )
    assert [item["id"] for item in second.json()["items"]] == [
        by_nickname[1]["id"],
        by_nickname[0]["id"],
    ]
    assert second.json()["next_cursor"] is None
    # LIKE wildcards are searched for literally.
    assert (await mungmo.client.get(ACCOUNTS, params={"q": "%"}, headers=auth)).json()[
        "items"
    ] == []
    bad = await mungmo.client.get(ACCOUNTS, params={"cursor": "garbage"}, headers=auth)
    assert bad.status_code == 422 and bad.json()["code"] == "request.cursor_invalid"


async def test_admin_grants_and_revokes_roles_with_an_exact_audit_trail(mungmo: RunningApp) -> None:
    auth, admin_id = await admin_session(mungmo)
    helper = await mungmo.sign_up()
    roles_path = f"{ACCOUNTS}/{helper['id']}"

    granted = await mungmo.client.post(
        f"{roles_path}/role-grants", json={"role": "admin", "reason": "운영 도우미"}, headers=auth
    )
    assert granted.status_code == 200, granted.text
    assert granted.json()["roles"] == ["member", "admin"]
    # The new admin's next token carries the role and opens the admin API.
    helper_token = await mungmo.log_in(helper["email"], client=mungmo.new_client())
    helper_auth = {"Authorization": f"Bearer {helper_token}"}
    assert (await mungmo.client.get(AUDIT, headers=helper_auth)).status_code == 200

    again = await mungmo.client.post(
        f"{roles_path}/role-grants", json={"role": "admin", "reason": "twice"}, headers=auth
    )
    assert again.status_code == 200 and again.json()["roles"] == ["member", "admin"]
    revoked = await mungmo.client.post(
        f"{roles_path}/role-revocations",
        json={"role": "admin", "reason": "활동 종료"},
        headers=auth,
    )
    assert revoked.status_code == 200 and revoked.json()["roles"] == ["member"]

    assert [entry_facts(entry) for entry in await audit_rows(mungmo, helper["id"])] == [
        ("role_granted", helper["id"], "admin", "운영 도우미", admin_id, "admin"),
        ("role_revoked", helper["id"], "admin", "활동 종료", admin_id, "admin"),
    ]
    listed = (
        await mungmo.client.get(AUDIT, params={"account_id": helper["id"]}, headers=auth)
    ).json()
    assert [(item["action"], item["reason"]) for item in listed["items"]] == [
        ("role_revoked", "활동 종료"),
        ("role_granted", "운영 도우미"),
    ]
    assert listed["items"][0]["target_nickname"] == helper["nickname"]
    assert listed["items"][0]["actor_account_id"] == admin_id

    own = await mungmo.client.post(
        f"{ACCOUNTS}/{admin_id}/role-revocations",
        json={"role": "admin", "reason": "그만"},
        headers=auth,
    )
    assert own.status_code == 409 and own.json()["code"] == "identity.cannot_revoke_own_admin"


async def test_ban_and_unban_with_reasons(mungmo: RunningApp) -> None:
    auth, admin_id = await admin_session(mungmo)
    member = await mungmo.sign_up()
    path = f"{ACCOUNTS}/{member['id']}"

    banned = await mungmo.client.post(f"{path}/ban", json={"reason": "  사기 거래  "}, headers=auth)
    assert banned.status_code == 200, banned.text
    assert banned.json()["status"] == "banned" and banned.json()["banned_at"] is not None
    login = await mungmo.client.post(
        "/api/v1/auth/login", json={"email": member["email"], "password": member["password"]}
    )
    assert login.status_code == 403

    unbanned = await mungmo.client.post(f"{path}/unban", json={"reason": "오해였음"}, headers=auth)
    assert unbanned.status_code == 200, unbanned.text
    assert unbanned.json()["status"] == "active" and unbanned.json()["banned_at"] is None
    events = await emitted(mungmo, "identity.AccountUnbanned", member["id"])
    assert [event["account_id"] for event in events] == [member["id"]]
    async with identity_database(mungmo).session() as session:
        hashes = await session.scalars(
            select(BannedIdentity).where(BannedIdentity.account_id == uuid.UUID(member["id"]))
        )
        assert list(hashes) == []
    await mungmo.log_in(member["email"], client=mungmo.new_client())
    # Unbanning an active account changes and records nothing.
    twice = await mungmo.client.post(f"{path}/unban", json={"reason": "again"}, headers=auth)
    assert twice.status_code == 200
    assert len(await emitted(mungmo, "identity.AccountUnbanned", member["id"])) == 1

    assert [entry_facts(entry) for entry in await audit_rows(mungmo, member["id"])] == [
        ("account_banned", member["id"], None, "사기 거래", admin_id, "admin"),
        ("account_unbanned", member["id"], None, "오해였음", admin_id, "admin"),
    ]


async def test_bad_input_is_refused_and_writes_nothing(mungmo: RunningApp) -> None:
    auth, _ = await admin_session(mungmo)
    member = await mungmo.sign_up()
    path = f"{ACCOUNTS}/{member['id']}"
    refused = [
        (f"{path}/ban", {"reason": "   "}, 422),
        (f"{path}/ban", {}, 422),
        (f"{path}/ban", {"reason": "x" * 501}, 422),
        (f"{path}/role-grants", {"role": "superuser", "reason": "r"}, 422),
        (f"{path}/role-grants", {"role": "member", "reason": "r"}, 422),
        (f"{path}/role-grants", {"role": "admin", "reason": ""}, 422),
        (f"{ACCOUNTS}/{uuid.uuid4()}/ban", {"reason": "r"}, 404),
        (f"{ACCOUNTS}/{uuid.uuid4()}/role-grants", {"role": "admin", "reason": "r"}, 404),
        (f"{ACCOUNTS}/{uuid.uuid4()}/unban", {"reason": "r"}, 404),
    ]
    for url, body, status in refused:
        response = await mungmo.client.post(url, json=body, headers=auth)
        assert response.status_code == status, (url, body, response.text)
        assert response.headers["content-type"].startswith("application/problem+json")
    assert (await mungmo.client.get(f"{ACCOUNTS}/{uuid.uuid4()}", headers=auth)).json()[
        "code"
    ] == "identity.account_not_found"
    assert await audit_rows(mungmo) == []
    stored = await stored_account(mungmo, member["id"])
    assert stored is not None and stored.status == "active"
    assert await emitted(mungmo, "identity.AccountBanned", member["id"]) == []


async def test_concurrent_double_ban_and_double_grant_record_once(mungmo: RunningApp) -> None:
    auth, _ = await admin_session(mungmo)
    member = await mungmo.sign_up()
    path = f"{ACCOUNTS}/{member['id']}"
    clients = [mungmo.new_client() for _ in range(4)]

    grants = await asyncio.gather(
        *(
            client.post(
                f"{path}/role-grants", json={"role": "moderator", "reason": "r"}, headers=auth
            )
            for client in clients
        )
    )
    assert [response.status_code for response in grants] == [200] * 4
    bans = await asyncio.gather(
        *(client.post(f"{path}/ban", json={"reason": "r"}, headers=auth) for client in clients)
    )
    assert [response.status_code for response in bans] == [200] * 4

    actions = [entry.action for entry in await audit_rows(mungmo, member["id"])]
    assert actions == ["role_granted", "account_banned"]
    assert len(await emitted(mungmo, "identity.AccountBanned", member["id"])) == 1
    detail = (await mungmo.client.get(path, headers=auth)).json()
    assert detail["roles"] == ["member", "moderator"] and detail["status"] == "banned"


async def test_audit_entries_cannot_be_changed_or_removed(mungmo: RunningApp) -> None:
    auth, _ = await admin_session(mungmo)
    member = await mungmo.sign_up()
    await mungmo.client.post(f"{ACCOUNTS}/{member['id']}/ban", json={"reason": "r"}, headers=auth)
    database = identity_database(mungmo)

    async with database.session() as session, session.begin():
        (entry,) = await session.scalars(select(AdminAuditEntry))
        entry.reason = "rewritten"
        with pytest.raises(AuditEntryImmutable):
            await session.flush()
    async with database.session() as session, session.begin():
        (entry,) = await session.scalars(select(AdminAuditEntry))
        await session.delete(entry)
        with pytest.raises(AuditEntryImmutable):
            await session.flush()
    for statement in (
        update(AdminAuditEntry).values(reason="rewritten"),
        delete(AdminAuditEntry),
    ):
        async with database.session() as session, session.begin():
            with pytest.raises(AuditEntryImmutable):
                await session.execute(statement)

    (kept,) = await audit_rows(mungmo)
    assert kept.reason == "r" and kept.action == "account_banned"
