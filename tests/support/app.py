"""The whole MungMo app on the test stack, driven through an in-process HTTP client."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import httpx
from fastapi import FastAPI

from mungmo.board.wiring import BoardSettings
from mungmo.club.wiring import ClubSettings
from mungmo.hospital.wiring import HospitalSettings
from mungmo.identity.wiring import IdentitySettings
from mungmo.main import create_mungmo_app
from mungmo.media.wiring import MediaSettings
from mungmo.meetup.wiring import MeetupSettings
from mungmo.member.wiring import MemberSettings
from mungmo.platform.runtime import Runtime
from mungmo.trust.wiring import TrustSettings
from tests.support.builders import PASSWORD, account_body
from tests.support.stack import Stack

# Cheap argon2id parameters keep the suite fast; production keeps the strong defaults.
FAST_ARGON2 = {"argon2_time_cost": 1, "argon2_memory_kib": 1024, "argon2_parallelism": 1}


@dataclass
class RunningApp:
    app: FastAPI
    client: httpx.AsyncClient

    @property
    def runtime(self) -> Runtime:
        runtime: Runtime = self.app.state.runtime
        return runtime

    def new_client(self, cookies: dict[str, str] | None = None) -> httpx.AsyncClient:
        """A second browser with its own cookies."""
        return httpx.AsyncClient(
            transport=httpx.ASGITransport(app=self.app),
            base_url="http://localhost",
            cookies=cookies,
        )

    async def sign_up(self, **overrides: str) -> dict[str, Any]:
        body = account_body(**overrides)
        response = await self.client.post("/api/v1/accounts", json=body)
        assert response.status_code == 201, response.text
        return {**response.json(), "password": body["password"]}

    async def log_in(
        self, email: str, password: str = PASSWORD, client: httpx.AsyncClient | None = None
    ) -> str:
        response = await (client or self.client).post(
            "/api/v1/auth/login", json={"email": email, "password": password}
        )
        assert response.status_code == 200, response.text
        token: str = response.json()["access_token"]
        return token


@asynccontextmanager
async def running_app(
    stack: Stack,
    *,
    identity: dict[str, Any] | None = None,
    trust: dict[str, Any] | None = None,
    meetup: dict[str, Any] | None = None,
    board: dict[str, Any] | None = None,
    club: dict[str, Any] | None = None,
    **platform: Any,
) -> AsyncIterator[RunningApp]:
    identity_settings = IdentitySettings(
        database_url=stack.database_url("identity"), **{**FAST_ARGON2, **(identity or {})}
    )
    app = create_mungmo_app(
        stack.platform_settings(**platform),
        service_settings={
            "identity": identity_settings,
            "member": MemberSettings(database_url=stack.database_url("member")),
            "media": MediaSettings(
                database_url=stack.database_url("media"), storage_dir=stack.data_dir / "media"
            ),
            # No register import at start: tests that need hospitals load their own.
            "hospital": HospitalSettings(
                database_url=stack.database_url("hospital"), register_file=None
            ),
            "trust": TrustSettings(database_url=stack.database_url("trust"), **(trust or {})),
            "meetup": MeetupSettings(database_url=stack.database_url("meetup"), **(meetup or {})),
            "board": BoardSettings(database_url=stack.database_url("board"), **(board or {})),
            "club": ClubSettings(database_url=stack.database_url("club"), **(club or {})),
        },
    )
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://localhost"
        ) as client,
    ):
        yield RunningApp(app=app, client=client)
