"""Identity + member on the test stack, with the member service's clock under the
test's control (to let a neighbourhood verification expire) and member settings
chosen per test (region verifier, Kakao address)."""

import json
import uuid
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import httpx
from fastapi import FastAPI
from sqlalchemy import select

from mungmo.contracts.media import MediaUploaded
from mungmo.identity import wiring as identity_wiring
from mungmo.identity.wiring import IdentitySettings
from mungmo.member import wiring as member_wiring
from mungmo.member.models import MemberMedia
from mungmo.member.service.context import Members
from mungmo.member.wiring import MemberSettings
from mungmo.platform.auth import StaticJwks, TokenVerifier
from mungmo.platform.clock import utc_now
from mungmo.platform.events.consumer import Processed
from mungmo.platform.events.contract import Event
from mungmo.platform.events.factory import build_transport
from mungmo.platform.http.app import create_app
from mungmo.platform.metrics import Metrics
from mungmo.platform.runtime import Runtime
from mungmo.platform.service import PlatformContext, ServiceModule
from tests.support.app import FAST_ARGON2
from tests.support.builders import PASSWORD, account_body
from tests.support.foreign_events import publish_event
from tests.support.polling import eventually
from tests.support.stack import Stack


class FakeClock:
    """Real time plus an offset the test moves forward."""

    def __init__(self) -> None:
        self.offset = timedelta(0)

    def __call__(self) -> datetime:
        return utc_now() + self.offset

    def advance(self, delta: timedelta) -> None:
        self.offset += delta


@dataclass
class Account:
    id: uuid.UUID
    nickname: str
    email: str
    token: str  # as identity issued it at login (no onboarding claim yet)
    client: httpx.AsyncClient  # this person's browser: keeps their refresh cookie

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


@dataclass
class MemberApp:
    app: FastAPI
    client: httpx.AsyncClient
    clock: FakeClock
    stack: Stack
    browsers: list[httpx.AsyncClient] = field(default_factory=list)
    processed: list[Processed] = field(default_factory=list)

    @property
    def members(self) -> Members:
        members: Members = self.app.state.dependencies[Members]
        return members

    @property
    def runtime(self) -> Runtime:
        runtime: Runtime = self.app.state.runtime
        return runtime

    def module(self, name: str) -> ServiceModule:
        return next(module for module in self.runtime.modules if module.name == name)

    def _signer(self) -> Any:
        # Identity's use-case context holds the token signer; found by its attribute so
        # these tests do not depend on where identity keeps that class.
        for dependency in self.app.state.dependencies.values():
            if hasattr(dependency, "signer"):
                return dependency.signer
        raise RuntimeError("identity is not wired into this app")

    def token(self, member_id: uuid.UUID, *, onboarded: bool = True) -> str:
        """An access token as identity signs it; ``onboarded`` sets the ``onb`` claim."""
        token: str = self._signer().issue(
            account_id=member_id,
            session_id=uuid.uuid4(),
            roles=["member"],
            now=utc_now(),
            ttl=timedelta(minutes=30),
            onboarded=onboarded,
        )
        return token

    def headers(self, member_id: uuid.UUID, *, onboarded: bool = True) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token(member_id, onboarded=onboarded)}"}

    def browser(self) -> httpx.AsyncClient:
        browser = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=self.app), base_url="http://localhost"
        )
        self.browsers.append(browser)
        return browser

    async def sign_up(self, **overrides: str) -> Account:
        """A new account, logged in, whose member profile exists (``overrides``: sign-up
        body fields such as ``nickname``)."""
        body = account_body(**overrides)
        browser = self.browser()
        created = await browser.post("/api/v1/accounts", json=body)
        assert created.status_code == 201, created.text
        login = await browser.post(
            "/api/v1/auth/login", json={"email": body["email"], "password": PASSWORD}
        )
        assert login.status_code == 200, login.text
        account = Account(
            id=uuid.UUID(created.json()["id"]),
            nickname=body["nickname"],
            email=body["email"],
            token=login.json()["access_token"],
            client=browser,
        )

        async def profile() -> int:
            response = await self.client.get("/api/v1/members/me", headers=account.headers)
            return response.status_code

        await eventually(profile, until=lambda status: status == 200)
        return account

    async def publish(
        self, event: Event, *, key: uuid.UUID, event_id: uuid.UUID | None = None
    ) -> uuid.UUID:
        """Puts another service's event on the log, as that service's relay would;
        returns the event id (pass one already published to deliver it again)."""
        return await publish_event(
            self.runtime.transport,
            event,
            key=key,
            topic_prefix=self.stack.topic_prefix,
            event_id=event_id,
        )

    async def handled(self, event_id: uuid.UUID) -> None:
        """Waits until the member service's consumer has processed the event."""
        await eventually(lambda: self._seen(event_id))

    async def _seen(self, event_id: uuid.UUID) -> bool:
        return any(processed.envelope.id == event_id for processed in self.processed)

    async def announce_upload(
        self, owner: uuid.UUID, *, kind: str = "image", purpose: str = "profile"
    ) -> uuid.UUID:
        """The media service announcing an upload; returns once member has recorded it."""
        media_id = uuid.uuid4()
        await self.publish(
            MediaUploaded(
                media_id=media_id,
                owner_id=owner,
                kind=kind,  # type: ignore[arg-type]
                content_type="image/webp" if kind == "image" else "video/mp4",
                purpose=purpose,
                uploaded_at=utc_now(),
            ),
            key=media_id,
        )

        async def recorded() -> bool:
            async with self.module("member").database.session() as session:
                return await session.get(MemberMedia, media_id) is not None

        await eventually(recorded)
        return media_id

    async def member_events(self, event_type: str, key: uuid.UUID | str) -> list[dict[str, Any]]:
        """Payloads of the events the member service wrote to its outbox for ``key``."""
        database = self.module("member").database
        outbox = database.messaging.outbox
        async with database.session() as session:
            rows = await session.scalars(
                select(outbox.c.payload)
                .where(outbox.c.event_type == event_type, outbox.c.event_key == str(key))
                .order_by(outbox.c.seq)
            )
            return [json.loads(row) for row in rows]


def _build(stack: Stack, clock: FakeClock, member: Mapping[str, Any]) -> FastAPI:
    settings = stack.platform_settings()
    metrics = Metrics()
    # Identity keeps real time (token times are checked against the real clock).
    real_time = PlatformContext(settings=settings, metrics=metrics)
    member_time = PlatformContext(settings=settings, metrics=metrics, clock=clock)
    modules = [
        identity_wiring.build(
            real_time, IdentitySettings(database_url=stack.database_url("identity"), **FAST_ARGON2)
        ),
        member_wiring.build(
            member_time,
            MemberSettings(
                database_url=stack.database_url("member"),
                # Tests load the regions they need; the bundled file only where asked for.
                **{"regions_file": None, **member},
            ),
        ),
    ]
    public_keys = modules[0].public_keys
    assert public_keys is not None
    runtime = Runtime(
        settings, modules, build_transport(settings, client_id="mungmo-member-tests"), metrics
    )
    verifier = TokenVerifier(
        StaticJwks(public_keys), issuer=settings.auth_issuer, audience=settings.auth_audience
    )
    return create_app(runtime, settings, verifier)


@asynccontextmanager
async def member_app(stack: Stack, **member: Any) -> AsyncIterator[MemberApp]:
    """``member`` overrides MemberSettings (e.g. ``region_verifier="kakao"``)."""
    clock = FakeClock()
    app = _build(stack, clock, member)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://localhost"
        ) as client,
    ):
        running = MemberApp(app=app, client=client, clock=clock, stack=stack)
        running.runtime.consumers["member"].observers.append(running.processed.append)
        try:
            yield running
        finally:
            for browser in running.browsers:
                await browser.aclose()
