"""Identity + hospital on the test stack, with the hospital service's clock under the
test's control (open now depends on the time) and tokens for members and admins."""

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from fastapi import FastAPI

from mungmo.hospital import wiring as hospital_wiring
from mungmo.hospital.domain.register import parse_register
from mungmo.hospital.service.context import Hospitals
from mungmo.hospital.service.register import ImportReport, import_register
from mungmo.hospital.wiring import HospitalSettings
from mungmo.identity import wiring as identity_wiring
from mungmo.identity.wiring import IdentitySettings
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
from tests.support.foreign_events import publish_event
from tests.support.polling import eventually
from tests.support.stack import Stack


class SetClock:
    """A clock the test sets; real time until it does."""

    def __init__(self) -> None:
        self.now: datetime | None = None

    def __call__(self) -> datetime:
        return self.now or utc_now()

    def set_korean(self, year: int, month: int, day: int, hour: int, minute: int = 0) -> None:
        self.now = datetime(year, month, day, hour, minute, tzinfo=UTC) - timedelta(hours=9)


@dataclass
class HospitalApp:
    app: FastAPI
    client: httpx.AsyncClient
    clock: SetClock
    stack: Stack
    processed: list[Processed] = field(default_factory=list)

    @property
    def hospitals(self) -> Hospitals:
        hospitals: Hospitals = self.app.state.dependencies[Hospitals]
        return hospitals

    @property
    def runtime(self) -> Runtime:
        runtime: Runtime = self.app.state.runtime
        return runtime

    def module(self, name: str) -> ServiceModule:
        return next(module for module in self.runtime.modules if module.name == name)

    def headers(
        self,
        account_id: uuid.UUID | None = None,
        *,
        roles: tuple[str, ...] = ("member",),
        onboarded: bool = True,
    ) -> dict[str, str]:
        """An access token as identity signs it."""
        signer = next(
            d.signer for d in self.app.state.dependencies.values() if hasattr(d, "signer")
        )
        token = signer.issue(
            account_id=account_id or uuid.uuid4(),
            session_id=uuid.uuid4(),
            roles=list(roles),
            now=utc_now(),
            ttl=timedelta(minutes=30),
            onboarded=onboarded,
        )
        return {"Authorization": f"Bearer {token}"}

    def admin_headers(self) -> dict[str, str]:
        return self.headers(roles=("member", "admin"))

    async def publish(self, event: Event, *, key: uuid.UUID) -> None:
        """Puts another service's event on the log, as that service's relay would, and
        waits until the hospital service's consumer has processed it."""
        event_id = await publish_event(
            self.runtime.transport, event, key=key, topic_prefix=self.stack.topic_prefix
        )

        async def handled() -> bool:
            return any(done.envelope.id == event_id for done in self.processed)

        await eventually(handled)

    async def load(self, data: bytes) -> ImportReport:
        return await import_register(self.hospitals, parse_register(data), label="test")


def _build(stack: Stack, clock: SetClock, register_file: Path | None) -> FastAPI:
    settings = stack.platform_settings()
    metrics = Metrics()
    real_time = PlatformContext(settings=settings, metrics=metrics)
    hospital_time = PlatformContext(settings=settings, metrics=metrics, clock=clock)
    modules = [
        identity_wiring.build(
            real_time, IdentitySettings(database_url=stack.database_url("identity"), **FAST_ARGON2)
        ),
        hospital_wiring.build(
            hospital_time,
            HospitalSettings(
                database_url=stack.database_url("hospital"), register_file=register_file
            ),
        ),
    ]
    public_keys = modules[0].public_keys
    assert public_keys is not None
    runtime = Runtime(
        settings, modules, build_transport(settings, client_id="mungmo-hospital-tests"), metrics
    )
    verifier = TokenVerifier(
        StaticJwks(public_keys), issuer=settings.auth_issuer, audience=settings.auth_audience
    )
    return create_app(runtime, settings, verifier)


@asynccontextmanager
async def hospital_app(
    stack: Stack, *, register_file: Path | None = None
) -> AsyncIterator[HospitalApp]:
    """Starts with no hospitals unless ``register_file`` (imported on first need)."""
    clock = SetClock()
    app = _build(stack, clock, register_file)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://localhost"
        ) as client,
    ):
        running = HospitalApp(app=app, client=client, clock=clock, stack=stack)
        running.runtime.consumers["hospital"].observers.append(running.processed.append)
        yield running


def items(response: httpx.Response) -> list[dict[str, Any]]:
    assert response.status_code == 200, response.text
    found: list[dict[str, Any]] = response.json()["items"]
    return found
