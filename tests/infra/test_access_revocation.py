"""A ban or a deletion reaches the other services within seconds over Kafka: identity,
member and media run as separate processes on MariaDB, and the banned (or deleted)
account's still-unexpired access token is refused by member and media."""

import asyncio
import os
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import httpx

from tests.support.builders import PASSWORD, account_body
from tests.support.onboarding import DOG, claim
from tests.support.polling import eventually
from tests.support.processes import serve
from tests.support.stack import KAFKA_BOOTSTRAP, Stack

# Refresh every second (the default) plus Kafka delivery: a few seconds at most.
REVOCATION_BOUND_SECONDS = 8.0
MEDIA_PROBE = f"/api/v1/media/{uuid.uuid4()}"


@dataclass
class Person:
    id: str
    email: str
    browser: httpx.AsyncClient  # keeps identity's refresh cookie
    token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


async def _sign_up(identity: httpx.AsyncClient, member: httpx.AsyncClient) -> Person:
    body = account_body()
    created = await identity.post("/api/v1/accounts", json=body)
    assert created.status_code == 201, created.text
    browser = httpx.AsyncClient(base_url=str(identity.base_url))
    login = await browser.post(
        "/api/v1/auth/login", json={"email": body["email"], "password": PASSWORD}
    )
    assert login.status_code == 200, login.text
    person = Person(created.json()["id"], body["email"], browser, login.json()["access_token"])

    async def profile() -> int:
        return (await member.get("/api/v1/members/me", headers=person.headers)).status_code

    await eventually(profile, until=lambda status: status == 200, timeout=30)
    return person


async def _onboard(person: Person, member: httpx.AsyncClient) -> None:
    """Through the real endpoints; identity learns of it from MemberOnboarded, and the
    next refreshed token carries the onboarding claim member's actions need."""
    headers = person.headers
    traits = await member.patch(
        "/api/v1/members/me", json={"owner_traits": ["calm"]}, headers=headers
    )
    assert traits.status_code == 200, traits.text
    dog = await member.post("/api/v1/members/me/dogs", json=DOG, headers=headers)
    assert dog.status_code == 201, dog.text
    verified = await member.post("/api/v1/members/me/neighbourhood", json=claim(), headers=headers)
    assert verified.status_code == 200, verified.text

    async def onboarded_token() -> httpx.Response:
        person.token = (await person.browser.post("/api/v1/auth/refresh")).json()["access_token"]
        return await member.get("/api/v1/friends", headers=person.headers)

    await eventually(onboarded_token, until=lambda r: r.status_code == 200, timeout=30)


async def _grant_admin(email: str, env: dict[str, str], data_dir: Path) -> None:
    """``mungmo admin grant``, as an operator makes the first administrator."""
    await asyncio.to_thread(
        subprocess.run,
        [sys.executable, "-m", "mungmo.cli", "admin", "grant", email, "--reason", "infra test"],
        env={**os.environ, **env, "MUNGMO_DATA_DIR": str(data_dir / "identity")},
        check=True,
        capture_output=True,
        timeout=60,
    )


async def _refused_everywhere(
    person: Person, member: httpx.AsyncClient, media: httpx.AsyncClient
) -> float:
    """Polls member and media until both refuse the token; returns how long it took."""
    started = time.monotonic()

    async def answers() -> list[httpx.Response]:
        return [
            await member.get("/api/v1/members/me", headers=person.headers),
            await media.get(MEDIA_PROBE, headers=person.headers),
        ]

    refused = await eventually(
        answers,
        until=lambda found: all(r.status_code == 401 for r in found),
        timeout=REVOCATION_BOUND_SECONDS,
        interval=0.1,
    )
    for response in refused:
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["code"] == "auth.access_revoked"
    return time.monotonic() - started


async def test_a_ban_and_a_deletion_revoke_tokens_in_member_and_media(tmp_path: Path) -> None:
    stack = Stack(kind="real", data_dir=tmp_path)
    common = {
        "MUNGMO_EVENTS_TRANSPORT": "kafka",
        "MUNGMO_KAFKA_BOOTSTRAP_SERVERS": KAFKA_BOOTSTRAP,
        "MUNGMO_KAFKA_TOPIC_PREFIX": f"revoke{uuid.uuid4().hex[:8]}.",
        "MUNGMO_LOG_JSON": "true",
    }
    identity_env = {
        **common,
        "MUNGMO_IDENTITY_DATABASE_URL": stack.database_url("identity"),
        "MUNGMO_IDENTITY_ARGON2_MEMORY_KIB": "1024",
        "MUNGMO_IDENTITY_ARGON2_TIME_COST": "1",
    }
    clients: list[httpx.AsyncClient] = []
    try:
        async with serve("identity", identity_env, tmp_path) as identity_url:
            jwks = {"MUNGMO_AUTH_JWKS_URL": f"{identity_url}/.well-known/jwks.json"}
            member_env = {
                **common,
                **jwks,
                "MUNGMO_MEMBER_DATABASE_URL": stack.database_url("member"),
            }
            media_env = {**common, **jwks, "MUNGMO_MEDIA_DATABASE_URL": stack.database_url("media")}
            async with (
                serve("member", member_env, tmp_path) as member_url,
                serve("media", media_env, tmp_path) as media_url,
                httpx.AsyncClient(base_url=identity_url) as identity,
                httpx.AsyncClient(base_url=member_url) as member,
                httpx.AsyncClient(base_url=media_url) as media,
            ):
                admin = await _sign_up(identity, member)
                banned = await _sign_up(identity, member)
                leaving = await _sign_up(identity, member)
                viewer = await _sign_up(identity, member)
                clients.extend(p.browser for p in (admin, banned, leaving, viewer))
                await _grant_admin(admin.email, identity_env, tmp_path)
                admin_login = await admin.browser.post(
                    "/api/v1/auth/login", json={"email": admin.email, "password": PASSWORD}
                )
                admin.token = admin_login.json()["access_token"]
                await _onboard(viewer, member)
                card = f"/api/v1/members/{banned.id}"
                assert (await member.get(card, headers=viewer.headers)).status_code == 200
                assert (await media.get(MEDIA_PROBE, headers=banned.headers)).status_code == 404

                ban = await identity.post(
                    f"/api/v1/admin/accounts/{banned.id}/ban",
                    json={"reason": "사기 거래 시도"},
                    headers=admin.headers,
                )
                assert ban.status_code == 200, ban.text
                took = await _refused_everywhere(banned, member, media)
                assert took < REVOCATION_BOUND_SECONDS

                async def card_status() -> int:
                    return (await member.get(card, headers=viewer.headers)).status_code

                await eventually(card_status, until=lambda status: status == 404, timeout=10)
                # Other accounts' tokens keep working in every process.
                assert (
                    await identity.get("/api/v1/accounts/me", headers=admin.headers)
                ).status_code == 200
                assert (await media.get(MEDIA_PROBE, headers=viewer.headers)).status_code == 404

                deleted = await leaving.browser.request(
                    "DELETE",
                    "/api/v1/accounts/me",
                    json={"password": PASSWORD},
                    headers=leaving.headers,
                )
                assert deleted.status_code == 204, deleted.text
                took = await _refused_everywhere(leaving, member, media)
                assert took < REVOCATION_BOUND_SECONDS
                assert (await member.get("/api/v1/members/me", headers=viewer.headers)).json()[
                    "id"
                ] == viewer.id
    finally:
        for client in clients:
            await client.aclose()
        await stack.drop_databases()
