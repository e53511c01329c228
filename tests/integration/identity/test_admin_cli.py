"""``mungmo admin grant|revoke EMAIL``, run as the real command against the app's data."""

import asyncio
import getpass
import os
import subprocess
import sys
import uuid

import jwt
from sqlalchemy import select

from mungmo.identity.models import AdminAuditEntry
from tests.support.accounts import identity_database
from tests.support.app import RunningApp
from tests.support.stack import Stack


async def run_admin(stack: Stack, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MUNGMO_DATA_DIR": str(stack.data_dir)}
    if stack.kind == "real":
        env["MUNGMO_IDENTITY_DATABASE_URL"] = stack.database_url("identity")
    else:
        # The default: the SQLite file in the data directory.
        env.pop("MUNGMO_IDENTITY_DATABASE_URL", None)
    command = [
        sys.executable,
        "-m",
        "mungmo.cli",
        "admin",
        *args,
        "--data-dir",
        str(stack.data_dir),
    ]
    return await asyncio.to_thread(
        subprocess.run, command, env=env, capture_output=True, text=True, timeout=120
    )


async def token_roles(app: RunningApp, email: str) -> list[str]:
    token = await app.log_in(email, client=app.new_client())
    roles: list[str] = jwt.decode(token, options={"verify_signature": False})["roles"]
    return roles


async def test_grant_and_revoke_from_the_command_line(mungmo: RunningApp, stack: Stack) -> None:
    account = await mungmo.sign_up()

    granted = await run_admin(stack, "grant", account["email"].upper(), "--reason", "첫 관리자")
    assert granted.returncode == 0, granted.stderr
    assert f"admin granted to {account['email'].upper()}" in granted.stdout
    assert await token_roles(mungmo, account["email"]) == ["member", "admin"]

    again = await run_admin(stack, "grant", account["email"])
    assert again.returncode == 0 and "already has the admin role" in again.stdout

    revoked = await run_admin(stack, "revoke", account["email"])
    assert revoked.returncode == 0, revoked.stderr
    assert await token_roles(mungmo, account["email"]) == ["member"]

    async with identity_database(mungmo).session() as session:
        entries = list(
            await session.scalars(select(AdminAuditEntry).order_by(AdminAuditEntry.created_at))
        )
    operator = f"cli:{getpass.getuser()}"
    assert [
        (e.action, str(e.target_account_id), e.role, e.reason, e.actor_account_id, e.actor_label)
        for e in entries
    ] == [
        ("role_granted", account["id"], "admin", "첫 관리자", None, operator),
        ("role_revoked", account["id"], "admin", "revoke from the command line", None, operator),
    ]


async def test_an_unknown_email_fails_clearly(mungmo: RunningApp, stack: Stack) -> None:
    email = f"nobody-{uuid.uuid4().hex[:8]}@example.com"
    result = await run_admin(stack, "grant", email)
    assert result.returncode == 1
    assert f"no account with the e-mail {email}" in result.stderr
    async with identity_database(mungmo).session() as session:
        assert list(await session.scalars(select(AdminAuditEntry))) == []
