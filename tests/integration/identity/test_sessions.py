"""Login, access tokens, rotating refresh tokens with reuse detection, logout."""

import asyncio

import jwt

from tests.support.app import RunningApp, running_app
from tests.support.builders import unique_email
from tests.support.stack import Stack

COOKIE = "mungmo_refresh"


async def test_login_issues_a_short_signed_token_and_an_http_only_cookie(
    mungmo: RunningApp,
) -> None:
    account = await mungmo.sign_up()
    response = await mungmo.client.post(
        "/api/v1/auth/login", json={"email": account["email"], "password": account["password"]}
    )
    assert response.status_code == 200
    body = response.json()
    assert body["token_type"] == "bearer"
    assert 0 < body["expires_in"] <= 900
    cookie = response.headers["set-cookie"]
    assert f"{COOKIE}=" in cookie
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Path=/api/v1/auth" in cookie
    assert response.headers["cache-control"] == "no-store"

    jwks = (await mungmo.client.get("/.well-known/jwks.json")).json()
    (key,) = jwks["keys"]
    assert key["kty"] == "OKP" and key["crv"] == "Ed25519" and "d" not in key
    claims = jwt.decode(
        body["access_token"],
        jwt.PyJWK.from_dict(key).key,
        algorithms=["EdDSA"],
        audience="mungmo",
        issuer="mungmo",
    )
    assert claims["sub"] == account["id"]
    # iat has milliseconds (the deny list compares it with role changes), exp seconds.
    assert claims["exp"] - int(claims["iat"]) == body["expires_in"]


async def test_wrong_password_and_unknown_email_look_the_same(mungmo: RunningApp) -> None:
    account = await mungmo.sign_up()
    wrong = await mungmo.client.post(
        "/api/v1/auth/login", json={"email": account["email"], "password": "not-the-password"}
    )
    unknown = await mungmo.client.post(
        "/api/v1/auth/login", json={"email": unique_email(), "password": "not-the-password"}
    )
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.headers["content-type"] == "application/problem+json"
    strip = ("request_id", "instance")
    assert {k: v for k, v in wrong.json().items() if k not in strip} == {
        k: v for k, v in unknown.json().items() if k not in strip
    }
    assert wrong.json()["code"] == "identity.invalid_credentials"
    assert "set-cookie" not in wrong.headers


async def test_login_failures_per_email_are_rate_limited(stack: Stack) -> None:
    async with running_app(stack, identity={"login_failures_per_email": 3}) as app:
        account = await app.sign_up()
        for _ in range(3):
            response = await app.client.post(
                "/api/v1/auth/login", json={"email": account["email"], "password": "wrong-one!"}
            )
            assert response.status_code == 401
        blocked = await app.client.post(
            "/api/v1/auth/login", json={"email": account["email"], "password": account["password"]}
        )
        assert blocked.status_code == 429
        assert blocked.json()["code"] == "rate_limited"
        assert int(blocked.headers["retry-after"]) >= 1


async def test_login_attempts_per_address_are_rate_limited(stack: Stack) -> None:
    async with running_app(stack, identity={"login_attempts_per_minute_per_ip": 2}) as app:
        for _ in range(2):
            await app.client.post(
                "/api/v1/auth/login", json={"email": unique_email(), "password": "whatever1"}
            )
        response = await app.client.post(
            "/api/v1/auth/login", json={"email": unique_email(), "password": "whatever1"}
        )
        assert response.status_code == 429


async def test_refresh_rotates_and_a_replayed_token_ends_the_session(stack: Stack) -> None:
    async with running_app(stack, identity={"refresh_reuse_grace_seconds": 0}) as app:
        account = await app.sign_up()
        await app.log_in(account["email"])
        first = app.client.cookies[COOKIE]

        rotated = await app.client.post("/api/v1/auth/refresh")
        assert rotated.status_code == 200
        second = app.client.cookies[COOKIE]
        assert second != first
        me = await app.client.get(
            "/api/v1/members/me",
            headers={"Authorization": f"Bearer {rotated.json()['access_token']}"},
        )
        assert me.status_code in (200, 404)  # 404 only while the member event is in flight

        # An attacker replays the first (already used) token.
        thief = app.new_client({COOKIE: first})
        replay = await thief.post("/api/v1/auth/refresh")
        assert replay.status_code == 401
        assert replay.json()["code"] == "identity.refresh_invalid"
        # The whole family is revoked: the legitimate newest token no longer works either.
        after = await app.client.post("/api/v1/auth/refresh")
        assert after.status_code == 401


async def test_concurrent_refreshes_within_the_grace_window_keep_the_session(
    mungmo: RunningApp,
) -> None:
    account = await mungmo.sign_up()
    await mungmo.log_in(account["email"])
    token = mungmo.client.cookies[COOKIE]
    tabs = [mungmo.new_client({COOKIE: token}) for _ in range(3)]
    responses = await asyncio.gather(*[tab.post("/api/v1/auth/refresh") for tab in tabs])
    assert [r.status_code for r in responses] == [200, 200, 200]


async def test_refresh_without_cookie_or_with_garbage_is_refused(mungmo: RunningApp) -> None:
    assert (await mungmo.new_client().post("/api/v1/auth/refresh")).status_code == 401
    garbage = await mungmo.new_client({COOKIE: "not-a-token"}).post("/api/v1/auth/refresh")
    assert garbage.status_code == 401
    assert garbage.json()["code"] == "identity.refresh_invalid"


async def test_logout_revokes_the_session_and_clears_the_cookie(mungmo: RunningApp) -> None:
    account = await mungmo.sign_up()
    await mungmo.log_in(account["email"])
    token = mungmo.client.cookies[COOKIE]
    response = await mungmo.client.post("/api/v1/auth/logout")
    assert response.status_code == 204
    assert (
        f'{COOKIE}=""' in response.headers["set-cookie"]
        or "Max-Age=0" in response.headers["set-cookie"]
    )
    again = await mungmo.new_client({COOKIE: token}).post("/api/v1/auth/refresh")
    assert again.status_code == 401


async def test_protected_endpoint_refuses_missing_forged_and_foreign_tokens(
    mungmo: RunningApp,
) -> None:
    missing = await mungmo.client.get("/api/v1/members/me")
    assert missing.status_code == 401
    assert missing.json()["code"] == "auth.unauthenticated"
    assert missing.headers["www-authenticate"] == "Bearer"

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    jwks = (await mungmo.client.get("/.well-known/jwks.json")).json()
    forged = jwt.encode(
        {
            "sub": "00000000-0000-0000-0000-000000000001",
            "sid": "x",
            "iat": 1,
            "exp": 2**40,
            "iss": "mungmo",
            "aud": "mungmo",
        },
        Ed25519PrivateKey.generate(),
        algorithm="EdDSA",
        headers={"kid": jwks["keys"][0]["kid"]},
    )
    response = await mungmo.client.get(
        "/api/v1/members/me", headers={"Authorization": f"Bearer {forged}"}
    )
    assert response.status_code == 401
    none_alg = jwt.encode({"sub": "x"}, key="", algorithm="none")
    response = await mungmo.client.get(
        "/api/v1/members/me", headers={"Authorization": f"Bearer {none_alg}"}
    )
    assert response.status_code == 401


async def test_expired_access_token_says_so(stack: Stack) -> None:
    async with running_app(stack, identity={"access_token_ttl_seconds": -1}) as app:
        account = await app.sign_up()
        token = await app.log_in(account["email"])
        response = await app.client.get(
            "/api/v1/members/me", headers={"Authorization": f"Bearer {token}"}
        )
        assert response.status_code == 401
        assert response.json()["code"] == "auth.token_expired"
