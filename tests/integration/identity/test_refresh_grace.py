"""A refresh token replayed within the grace window gets the successor already issued:
one session, one live token, no second branch. After the window it is theft."""

import asyncio
import uuid

import httpx
import jwt
from sqlalchemy import func, select

from mungmo.identity.models import RefreshToken
from tests.support.app import RunningApp, running_app
from tests.support.stack import Stack

COOKIE = "mungmo_refresh"


async def _live_tokens(mungmo: RunningApp, family_id: str) -> int:
    (identity,) = [m for m in mungmo.runtime.modules if m.name == "identity"]
    async with identity.database.session() as session:
        count = await session.scalar(
            select(func.count()).where(
                RefreshToken.family_id == uuid.UUID(family_id),
                RefreshToken.used_at.is_(None),
                RefreshToken.revoked_at.is_(None),
            )
        )
        return int(count or 0)


def _session_of(response: httpx.Response) -> str:
    claims = jwt.decode(response.json()["access_token"], options={"verify_signature": False})
    return str(claims["sid"])


async def _logged_in(mungmo: RunningApp) -> tuple[str, str]:
    account = await mungmo.sign_up()
    browser = mungmo.new_client()
    response = await browser.post(
        "/api/v1/auth/login", json={"email": account["email"], "password": account["password"]}
    )
    assert response.status_code == 200
    return response.cookies[COOKIE], _session_of(response)


async def test_concurrent_refreshes_share_one_successor(mungmo: RunningApp) -> None:
    token, session = await _logged_in(mungmo)
    tabs = [mungmo.new_client({COOKIE: token}) for _ in range(3)]
    responses = await asyncio.gather(*(tab.post("/api/v1/auth/refresh") for tab in tabs))
    assert [response.status_code for response in responses] == [200, 200, 200]
    successors = {response.cookies[COOKIE] for response in responses}
    assert len(successors) == 1
    assert successors != {token}
    assert {_session_of(response) for response in responses} == {session}
    assert await _live_tokens(mungmo, session) == 1

    # Every tab now holds the same working token; using it rotates the one session on.
    (successor,) = successors
    onward = await mungmo.new_client({COOKIE: successor}).post("/api/v1/auth/refresh")
    assert onward.status_code == 200
    assert _session_of(onward) == session
    assert await _live_tokens(mungmo, session) == 1


async def test_a_replay_within_the_window_gets_the_same_successor(mungmo: RunningApp) -> None:
    token, session = await _logged_in(mungmo)
    first_tab, late_tab = mungmo.new_client({COOKIE: token}), mungmo.new_client({COOKIE: token})
    first = await first_tab.post("/api/v1/auth/refresh")
    late = await late_tab.post("/api/v1/auth/refresh")
    assert first.status_code == late.status_code == 200
    assert late.cookies[COOKIE] == first.cookies[COOKIE] != token
    assert _session_of(late) == _session_of(first) == session
    # The late tab's access token is fresh and valid, like the first one.
    for response in (first, late):
        me = await mungmo.client.get(
            "/api/v1/accounts/me",
            headers={"Authorization": f"Bearer {response.json()['access_token']}"},
        )
        assert me.status_code == 200
    assert await _live_tokens(mungmo, session) == 1


async def test_a_replay_after_the_window_still_ends_the_session(stack: Stack) -> None:
    async with running_app(stack, identity={"refresh_reuse_grace_seconds": 0}) as mungmo:
        token, session = await _logged_in(mungmo)
        rotated = await mungmo.new_client({COOKIE: token}).post("/api/v1/auth/refresh")
        assert rotated.status_code == 200
        thief = await mungmo.new_client({COOKIE: token}).post("/api/v1/auth/refresh")
        assert thief.status_code == 401
        assert thief.json()["code"] == "identity.refresh_invalid"
        owner = mungmo.new_client({COOKIE: rotated.cookies[COOKIE]})
        assert (await owner.post("/api/v1/auth/refresh")).status_code == 401
        assert await _live_tokens(mungmo, session) == 0
