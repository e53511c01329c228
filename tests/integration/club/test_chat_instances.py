"""Two ``mungmo serve club`` processes on one database and one event log (Kafka with
``--stack=real``, the embedded log otherwise), one chat client on each: what one
member sends through one process reaches the other through the other process, and a
removal on one closes the member's socket on the other. Tokens are signed here and
verified by both processes against a JWKS served here, as identity would serve it."""

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from mungmo.contracts.identity import AccountRegistered
from mungmo.contracts.member import NeighbourhoodVerified
from mungmo.identity.adapters.tokens import TokenSigner
from mungmo.platform.clock import utc_now
from mungmo.platform.events.contract import Event
from mungmo.platform.events.factory import build_transport
from tests.integration.club.driver import REGION
from tests.integration.club.live import chat, serving
from tests.support.foreign_events import publish_event
from tests.support.polling import eventually
from tests.support.processes import serve
from tests.support.stack import KAFKA_BOOTSTRAP, Stack, open_stack


@asynccontextmanager
async def jwks_server(signer: TokenSigner) -> AsyncIterator[str]:
    async def keys(_request: Request) -> JSONResponse:
        return JSONResponse(signer.jwks())

    app = Starlette(routes=[Route("/.well-known/jwks.json", keys)])
    async with serving(app) as base:
        yield base.replace("ws://", "http://") + "/.well-known/jwks.json"


@pytest.fixture
async def stack(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Stack]:
    async with open_stack(request.config.getoption("--stack"), tmp_path) as opened:
        yield opened


async def test_two_club_processes_deliver_to_clients_on_both(stack: Stack, tmp_path: Path) -> None:
    signer = TokenSigner(Ed25519PrivateKey.generate(), issuer="mungmo", audience="mungmo")
    prefix = stack.private_topic_prefix
    settings = stack.platform_settings(
        kafka_topic_prefix=prefix, events_log_url=f"sqlite+aiosqlite:///{tmp_path / 'events.db'}"
    )
    common = {
        "MUNGMO_EVENTS_TRANSPORT": settings.events_transport,
        "MUNGMO_EVENTS_LOG_URL": settings.events_log_url or "",
        "MUNGMO_KAFKA_BOOTSTRAP_SERVERS": KAFKA_BOOTSTRAP,
        "MUNGMO_KAFKA_TOPIC_PREFIX": prefix,
        "MUNGMO_CLUB_DATABASE_URL": stack.database_url("club"),
        "MUNGMO_RELAY_POLL_SECONDS": "0.05",
        "MUNGMO_LOG_JSON": "true",
    }
    transport = build_transport(settings, client_id="chat-instances-test")

    def token(member_id: uuid.UUID) -> str:
        return signer.issue(
            account_id=member_id,
            session_id=uuid.uuid4(),
            roles=["member"],
            now=utc_now(),
            ttl=timedelta(minutes=10),
            onboarded=True,
        )

    owner, guest = uuid.uuid4(), uuid.uuid4()
    now = utc_now()
    seeds: list[tuple[Event, uuid.UUID]] = [
        (AccountRegistered(account_id=owner, nickname="첫인스턴스", registered_at=now), owner),
        (AccountRegistered(account_id=guest, nickname="둘째인스턴스", registered_at=now), guest),
        (
            NeighbourhoodVerified(
                member_id=owner,
                region_code=REGION[0],
                region_name=REGION[1],
                verified_at=now,
                expires_at=now + timedelta(days=30),
            ),
            owner,
        ),
    ]
    for name in ("one", "two"):
        (tmp_path / name).mkdir()
    async with jwks_server(signer) as jwks_url:
        env = {**common, "MUNGMO_AUTH_JWKS_URL": jwks_url}
        async with (
            serve("club", env, tmp_path / "one") as one_url,
            serve("club", env, tmp_path / "two") as two_url,
            httpx.AsyncClient(base_url=one_url, timeout=10) as one,
            httpx.AsyncClient(base_url=two_url, timeout=10) as two,
        ):
            await transport.start([prefix + event.topic for event, _ in seeds])
            try:
                for event, key in seeds:
                    await publish_event(transport, event, key=key, topic_prefix=prefix)
            finally:
                await transport.stop()
            mine = {"Authorization": f"Bearer {token(owner)}"}
            body = {"title": "두 인스턴스 모임", "text": "채팅", "topic": "walk"}

            async def create() -> httpx.Response:
                return await one.post("/api/v1/clubs", json=body, headers=mine)

            created = await eventually(create, until=lambda r: r.status_code == 201, timeout=30)
            club_id = created.json()["id"]
            theirs = {"Authorization": f"Bearer {token(guest)}"}
            assert (
                await two.post(f"/api/v1/clubs/{club_id}/join", headers=theirs)
            ).status_code == 200

            one_ws, two_ws = (
                one_url.replace("http://", "ws://"),
                two_url.replace("http://", "ws://"),
            )
            async with (
                chat(one_ws, club_id, token(owner)) as on_one,
                chat(two_ws, club_id, token(guest)) as on_two,
            ):
                await on_one.send(type="send", body="1번에서 보냄", ref="a")
                await on_two.send(type="send", body="2번에서 보냄", ref="b")
                await on_one.wait_for("message", 2, timeout=30)
                await on_two.wait_for("message", 2, timeout=30)
                bodies: list[Any] = sorted(m["body"] for m in on_one.messages())
                assert bodies == ["1번에서 보냄", "2번에서 보냄"]
                assert on_one.seqs() == on_two.seqs() == [1, 2]

                removed = await one.post(
                    f"/api/v1/clubs/{club_id}/members/{guest}/remove",
                    json={"allow_rejoin": False},
                    headers=mine,
                )
                assert removed.status_code == 204
                assert await on_two.wait_closed(timeout=30) == 4403
                assert on_two.of("removed") == [{"type": "removed"}]
