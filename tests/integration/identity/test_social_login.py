"""Social login end to end against a real local OAuth 2.0 / OIDC provider."""

from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from tests.support.accounts import emitted, stored_account
from tests.support.app import RunningApp
from tests.support.builders import unique_email
from tests.support.oauth_provider import (
    FLAVOURS,
    Flavour,
    OAuthTestProvider,
    provider_user,
    social_login,
)

COOKIE = "mungmo_refresh"


async def refreshed(client: httpx.AsyncClient) -> dict[str, str]:
    """What the SPA does after the redirect: trade the session cookie for a token."""
    response = await client.post("/api/v1/auth/refresh")
    assert response.status_code == 200, response.text
    body: dict[str, str] = response.json()
    return body


async def me(client: httpx.AsyncClient, token: str) -> dict[str, object]:
    response = await client.get("/api/v1/accounts/me", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200, response.text
    body: dict[str, object] = response.json()
    return body


async def test_providers_list_the_enabled_ones_in_order(social_app: RunningApp) -> None:
    response = await social_app.client.get("/api/v1/auth/providers")
    assert response.status_code == 200
    assert response.json() == [
        {"id": "kakao", "name": "카카오"},
        {"id": "naver", "name": "네이버"},
        {"id": "google", "name": "Google"},
    ]


async def test_providers_without_a_client_id_are_disabled(mungmo: RunningApp) -> None:
    assert (await mungmo.client.get("/api/v1/auth/providers")).json() == []
    response = await mungmo.client.get("/api/v1/auth/kakao/start")
    assert response.status_code == 404
    assert response.json()["code"] == "identity.provider_unknown"


async def test_start_redirects_with_state_pkce_and_nonce_in_a_signed_cookie(
    social_app: RunningApp, oauth_provider: OAuthTestProvider
) -> None:
    response = await social_app.client.get("/api/v1/auth/google/start", params={"next": "/x"})
    assert response.status_code == 302
    location = urlsplit(response.headers["location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == (
        f"{oauth_provider.issuer}/authorize"
    )
    query = {key: values[0] for key, values in parse_qs(location.query).items()}
    assert query["client_id"] == oauth_provider.client_id("google")
    assert query["redirect_uri"] == "http://localhost/api/v1/auth/google/callback"
    assert query["code_challenge_method"] == "S256"
    assert len(query["state"]) >= 32 and len(query["nonce"]) >= 32
    assert set(query["scope"].split()) == {"openid", "email", "profile"}
    cookie = response.headers["set-cookie"]
    assert "mungmo_oauth=" in cookie and "HttpOnly" in cookie
    assert "SameSite=lax" in cookie and "Path=/api/v1/auth" in cookie
    # The secrets live in the browser (signed), not in this instance's memory.
    assert query["state"] not in cookie or "." in cookie


@pytest.mark.parametrize("flavour", FLAVOURS)
async def test_first_login_creates_an_account_and_the_second_reuses_it(
    social_app: RunningApp, oauth_provider: OAuthTestProvider, flavour: Flavour
) -> None:
    email = f"{flavour}-{unique_email()}"
    if flavour == "naver":
        email = email.replace("@example.com", "@naver.com")
    person = oauth_provider.sign_in_as(flavour, provider_user(flavour, email=email))

    browser = social_app.new_client()
    callback = await social_login(browser, flavour, next_path="/meetups?day=1")
    assert callback.status_code == 302, callback.text
    assert callback.headers["location"] == "/meetups?day=1"
    assert f"{COOKIE}=" in callback.headers["set-cookie"]
    token = await refreshed(browser)
    account = await me(browser, token["access_token"])
    assert account["email"] == email.lower()
    assert account["has_password"] is False
    assert account["social_providers"] == [flavour]
    assert str(account["nickname"]).startswith("보리아빠")
    registered = await emitted(social_app, "identity.AccountRegistered", token["account_id"])
    assert [event["nickname"] for event in registered] == [account["nickname"]]
    # The provider saw the PKCE verifier on the token request.
    assert oauth_provider.token_requests[-1]["code_verifier"]

    again = social_app.new_client()
    oauth_provider.sign_in_as(flavour, person)
    second = await social_login(again, flavour)
    assert second.status_code == 302 and second.headers["location"] == "/"
    assert (await refreshed(again))["account_id"] == token["account_id"]


async def test_the_provider_nickname_is_fitted_to_the_rules_and_made_unique(
    social_app: RunningApp, oauth_provider: OAuthTestProvider
) -> None:
    taken = await social_app.sign_up()
    odd = provider_user("kakao", email=None, nickname=f"{taken['nickname']} !")
    oauth_provider.sign_in_as("kakao", odd)
    browser = social_app.new_client()
    assert (await social_login(browser, "kakao")).status_code == 302
    account = await me(browser, (await refreshed(browser))["access_token"])
    nickname = str(account["nickname"])
    assert nickname != taken["nickname"] and nickname.startswith(taken["nickname"][:16])
    assert 2 <= len(nickname) <= 20 and nickname.replace("_", "").isalnum()
    # No address from the provider: the account simply has none.
    assert account["email"] is None


async def test_google_profile_from_userinfo_when_the_id_token_is_bare(
    social_app: RunningApp, oauth_provider: OAuthTestProvider
) -> None:
    oauth_provider.id_token_profile = False
    email = unique_email()
    oauth_provider.sign_in_as("google", provider_user("google", email=email, nickname="Bori Mom"))
    browser = social_app.new_client()
    assert (await social_login(browser, "google")).status_code == 302
    account = await me(browser, (await refreshed(browser))["access_token"])
    assert account["email"] == email
    assert str(account["nickname"]).startswith("BoriMom")


async def test_verified_email_of_a_password_account_needs_the_password_to_link(
    social_app: RunningApp, oauth_provider: OAuthTestProvider
) -> None:
    existing = await social_app.sign_up()
    oauth_provider.sign_in_as("kakao", provider_user("kakao", email=existing["email"].upper()))
    browser = social_app.new_client()
    callback = await social_login(browser, "kakao", next_path="/friends")
    assert callback.status_code == 302
    location = urlsplit(callback.headers["location"])
    assert location.path == "/auth/link" and not location.netloc
    assert COOKIE not in callback.headers.get("set-cookie", "")
    ticket = parse_qs(location.query)["ticket"][0]

    preview = await browser.get("/api/v1/auth/link", params={"ticket": ticket})
    assert preview.status_code == 200
    assert preview.json() == {
        "provider": "kakao",
        "provider_name": "카카오",
        "masked_email": f"{existing['email'][0]}***@example.com",
        "next": "/friends",
    }

    wrong = await browser.post("/api/v1/auth/link", json={"ticket": ticket, "password": "nope-123"})
    assert wrong.status_code == 401
    assert wrong.json()["code"] == "identity.invalid_credentials"
    assert "set-cookie" not in wrong.headers
    stored = await stored_account(social_app, existing["id"])
    assert stored is not None and stored.password_hash is not None

    # Someone else's password does not open another person's ticket either.
    other = await social_app.sign_up()
    foreign = await browser.post(
        "/api/v1/auth/link", json={"ticket": ticket, "password": other["password"] + "x"}
    )
    assert foreign.status_code == 401

    linked = await browser.post(
        "/api/v1/auth/link", json={"ticket": ticket, "password": existing["password"]}
    )
    assert linked.status_code == 200, linked.text
    assert linked.json()["account_id"] == existing["id"]
    assert linked.json()["next"] == "/friends"
    assert f"{COOKIE}=" in linked.headers["set-cookie"]
    account = await me(browser, linked.json()["access_token"])
    assert account["social_providers"] == ["kakao"] and account["has_password"] is True

    # From now on the Kakao login goes straight into the existing account.
    again = social_app.new_client()
    assert (await social_login(again, "kakao")).headers["location"] == "/"
    assert (await refreshed(again))["account_id"] == existing["id"]


async def test_unverified_email_never_links(
    social_app: RunningApp, oauth_provider: OAuthTestProvider
) -> None:
    existing = await social_app.sign_up()
    # Naver vouches only for its own @naver.com mailboxes; Kakao says so explicitly.
    cases: list[tuple[Flavour, bool]] = [("naver", True), ("kakao", False), ("google", False)]
    for flavour, verified in cases:
        oauth_provider.sign_in_as(
            flavour, provider_user(flavour, email=existing["email"], verified=verified)
        )
        browser = social_app.new_client()
        callback = await social_login(browser, flavour)
        assert callback.headers["location"] == "/", flavour
        token = await refreshed(browser)
        assert token["account_id"] != existing["id"]
        account = await me(browser, token["access_token"])
        assert account["email"] is None  # the address was not proven, so not stored
    stored = await stored_account(social_app, existing["id"])
    assert stored is not None and stored.email == existing["email"]


async def test_link_ticket_forged_or_for_a_social_only_account_is_refused(
    social_app: RunningApp, oauth_provider: OAuthTestProvider
) -> None:
    forged = await social_app.client.post(
        "/api/v1/auth/link", json={"ticket": "forged.ticket.value", "password": "whatever1"}
    )
    assert forged.status_code == 400
    assert forged.json()["code"] == "identity.link_ticket_invalid"

    email = unique_email()
    oauth_provider.sign_in_as("google", provider_user("google", email=email))
    assert (await social_login(social_app.new_client(), "google")).status_code == 302
    oauth_provider.sign_in_as("kakao", provider_user("kakao", email=email))
    browser = social_app.new_client()
    callback = await social_login(browser, "kakao")
    ticket = parse_qs(urlsplit(callback.headers["location"]).query)["ticket"][0]
    response = await browser.post("/api/v1/auth/link", json={"ticket": ticket, "password": "x"})
    assert response.status_code == 409
    assert response.json()["code"] == "identity.link_password_unavailable"


async def test_state_mismatch_or_missing_state_cookie_is_refused(
    social_app: RunningApp, oauth_provider: OAuthTestProvider
) -> None:
    oauth_provider.sign_in_as("kakao", provider_user("kakao", email=unique_email()))
    browser = social_app.new_client()
    start = await browser.get("/api/v1/auth/kakao/start")
    async with httpx.AsyncClient() as outside:
        authorize = await outside.get(start.headers["location"])
    callback = urlsplit(authorize.headers["location"])
    code = parse_qs(callback.query)["code"][0]

    mismatch = await browser.get(
        "/api/v1/auth/kakao/callback", params={"code": code, "state": "attacker-state"}
    )
    assert mismatch.status_code == 400
    assert mismatch.headers["content-type"] == "application/problem+json"
    assert mismatch.json()["code"] == "identity.oauth_state_invalid"

    # The right state but from a browser that never started the login (login CSRF).
    stranger = social_app.new_client()
    missing = await stranger.get(f"{callback.path}?{callback.query}")
    assert missing.status_code == 400
    assert missing.json()["code"] == "identity.oauth_state_invalid"

    # A state cookie from another provider's login does not fit either.
    await browser.get("/api/v1/auth/naver/start")
    crossed = await browser.get(f"{callback.path}?{callback.query}")
    assert crossed.json()["code"] == "identity.oauth_state_invalid"
    assert "set-cookie" not in mismatch.headers and "set-cookie" not in missing.headers


async def test_a_forged_state_cookie_is_refused(
    social_app: RunningApp, oauth_provider: OAuthTestProvider
) -> None:
    oauth_provider.sign_in_as("kakao", provider_user("kakao", email=unique_email()))
    browser = social_app.new_client()
    start = await browser.get("/api/v1/auth/kakao/start")
    async with httpx.AsyncClient() as outside:
        authorize = await outside.get(start.headers["location"])
    real = browser.cookies["mungmo_oauth"]
    browser.cookies.set("mungmo_oauth", real[:-4] + "AAAA", path="/api/v1/auth")
    response = await browser.get(authorize.headers["location"])
    assert response.status_code == 400
    assert response.json()["code"] == "identity.oauth_state_invalid"


@pytest.mark.parametrize("tamper", ["signature", "nonce"])
async def test_a_tampered_id_token_is_refused(
    social_app: RunningApp, oauth_provider: OAuthTestProvider, tamper: str
) -> None:
    oauth_provider.tamper = tamper  # type: ignore[assignment]
    oauth_provider.sign_in_as("google", provider_user("google", email=unique_email()))
    browser = social_app.new_client()
    response = await social_login(browser, "google")
    assert response.status_code == 400
    assert response.json()["code"] == "identity.oauth_id_token_invalid"
    assert "set-cookie" not in response.headers
    assert (await browser.post("/api/v1/auth/refresh")).status_code == 401


async def test_a_code_is_refused_when_the_provider_rejects_it(
    social_app: RunningApp, oauth_provider: OAuthTestProvider
) -> None:
    oauth_provider.sign_in_as("naver", provider_user("naver", email=unique_email()))
    browser = social_app.new_client()
    start = await browser.get("/api/v1/auth/naver/start")
    async with httpx.AsyncClient() as outside:
        authorize = await outside.get(start.headers["location"])
    first = await browser.get(authorize.headers["location"])
    assert first.status_code == 302
    # The browser replays the same callback: the state cookie is spent and so is the code.
    await browser.get("/api/v1/auth/naver/start")
    state = parse_qs(urlsplit(authorize.headers["location"]).query)
    replay = await browser.get(
        "/api/v1/auth/naver/callback", params={"code": state["code"][0], "state": state["state"][0]}
    )
    assert replay.status_code == 400
    assert replay.json()["code"] == "identity.oauth_state_invalid"


async def test_the_next_path_never_leaves_the_site(
    social_app: RunningApp, oauth_provider: OAuthTestProvider
) -> None:
    for unsafe in ("https://evil.example/", "//evil.example/x", "/\\evil.example"):
        oauth_provider.sign_in_as("kakao", provider_user("kakao", email=unique_email()))
        callback = await social_login(social_app.new_client(), "kakao", next_path=unsafe)
        assert callback.headers["location"] == "/", unsafe
