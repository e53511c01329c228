"""Session cookies are Secure everywhere except a plain-HTTP run on this machine."""

import httpx
import pytest

from tests.support.app import RunningApp, running_app
from tests.support.stack import Stack

LOCAL_ORIGINS = ["http://localhost:8000", "http://127.0.0.1:8000", "http://[::1]:8000"]
PUBLIC_ORIGINS = ["http://mungmo.example", "https://mungmo.example", "https://localhost"]


def _browser(mungmo: RunningApp, origin: str) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=mungmo.app), base_url=origin)


async def _login_cookie(mungmo: RunningApp, origin: str) -> str:
    async with _browser(mungmo, origin) as browser:
        account = await mungmo.sign_up()
        response = await browser.post(
            "/api/v1/auth/login", json={"email": account["email"], "password": account["password"]}
        )
        assert response.status_code == 200, response.text
        cookie = response.headers["set-cookie"]
        assert cookie.startswith("mungmo_refresh=")
        return cookie


def _is_secure(set_cookie: str) -> bool:
    return "secure" in [part.strip().lower() for part in set_cookie.split(";")]


async def test_cookies_are_secure_by_default_except_plain_http_localhost(stack: Stack) -> None:
    async with running_app(stack) as mungmo:
        for origin in LOCAL_ORIGINS:
            assert not _is_secure(await _login_cookie(mungmo, origin)), origin
        for origin in PUBLIC_ORIGINS:
            assert _is_secure(await _login_cookie(mungmo, origin)), origin


async def test_refresh_and_logout_cookies_follow_the_same_rule(stack: Stack) -> None:
    async with running_app(stack) as mungmo, _browser(mungmo, "https://mungmo.example") as browser:
        account = await mungmo.sign_up()
        await mungmo.log_in(account["email"], client=browser)
        refreshed = await browser.post("/api/v1/auth/refresh")
        assert refreshed.status_code == 200, refreshed.text
        assert _is_secure(refreshed.headers["set-cookie"])
        logged_out = await browser.post("/api/v1/auth/logout")
        assert logged_out.status_code == 204
        assert _is_secure(logged_out.headers["set-cookie"])


@pytest.mark.parametrize(
    ("configured", "origin", "secure"),
    [
        (False, "http://mungmo.example", False),  # e.g. an intranet without TLS, on purpose
        (True, "http://localhost:8000", True),
    ],
)
async def test_the_setting_overrides_the_default(
    stack: Stack, configured: bool, origin: str, secure: bool
) -> None:
    async with running_app(stack, identity={"cookie_secure": configured}) as mungmo:
        assert _is_secure(await _login_cookie(mungmo, origin)) is secure
