"""Reports in the whole app: members as identity announces them, evidence uploads as
media announces them, filing, and the moderators' decisions through the real API."""

import json
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
from sqlalchemy import select

from mungmo.contracts.identity import AccountRegistered
from mungmo.contracts.media import MediaUploaded
from mungmo.platform.clock import utc_now
from tests.support.app import running_app
from tests.support.builders import unique_nickname
from tests.support.stack import Stack
from tests.support.trust_app import TrustDriver

REPORTS = "/api/v1/reports"
QUEUE = "/api/v1/admin/reports"
APPEALS = "/api/v1/appeals"
ADMIN_APPEALS = "/api/v1/admin/appeals"


@asynccontextmanager
async def reporting_app(stack: Stack, **trust: Any) -> AsyncIterator["Reporting"]:
    """The whole app with ``trust`` overriding TrustSettings (e.g. the merge window)."""
    async with running_app(stack, trust=trust) as app:
        yield Reporting(TrustDriver(app, stack.topic_prefix))


class Reporting:
    def __init__(self, driver: TrustDriver) -> None:
        self.driver = driver
        self.admin = uuid.uuid4()

    @property
    def client(self) -> httpx.AsyncClient:
        return self.driver.client

    def headers(self, member_id: uuid.UUID) -> dict[str, str]:
        return self.driver.headers(member_id)

    def admin_headers(self) -> dict[str, str]:
        return self.driver.headers(self.admin, roles=("member", "admin"))

    async def member(self, nickname: str | None = None) -> uuid.UUID:
        """A member as identity announces a new account (trust learns the nickname)."""
        member_id = uuid.uuid4()
        await self.driver.publish(
            AccountRegistered(
                account_id=member_id,
                nickname=nickname or unique_nickname(),
                registered_at=utc_now(),
            ),
            key=member_id,
        )
        return member_id

    async def evidence(
        self, owner: uuid.UUID, *, kind: str = "image", purpose: str = "report_evidence"
    ) -> uuid.UUID:
        """An upload as media announces it."""
        media_id = uuid.uuid4()
        await self.driver.publish(
            MediaUploaded(
                media_id=media_id,
                owner_id=owner,
                kind=kind,  # type: ignore[arg-type]
                content_type="image/webp" if kind == "image" else "video/mp4",
                purpose=purpose,
                uploaded_at=utc_now(),
                duration_ms=None if kind == "image" else 4200,
            ),
            key=media_id,
        )
        return media_id

    async def file(
        self,
        reporter: uuid.UUID,
        reported: uuid.UUID,
        report_type: str = "romance",
        *,
        description: str = "산책 중에 계속 연락처를 물어봤어요.",
        evidence: list[uuid.UUID] | None = None,
    ) -> httpx.Response:
        return await self.client.post(
            REPORTS,
            json={
                "reported_member_id": str(reported),
                "report_type": report_type,
                "description": description,
                "evidence_media_ids": [str(media_id) for media_id in evidence or []],
            },
            headers=self.headers(reporter),
        )

    async def filed(
        self, reporter: uuid.UUID, reported: uuid.UUID, report_type: str = "romance", **kwargs: Any
    ) -> dict[str, Any]:
        response = await self.file(reporter, reported, report_type, **kwargs)
        assert response.status_code == 201, response.text
        found: dict[str, Any] = response.json()
        return found

    async def decide(self, report_id: str, decision: str, **body: Any) -> httpx.Response:
        body.setdefault("note", "증거를 확인했습니다.")
        return await self.client.post(
            f"{QUEUE}/{report_id}/{decision}", json=body, headers=self.admin_headers()
        )

    async def score(self, member_id: uuid.UUID) -> int:
        found: int = (await self.driver.score(member_id))["score"]
        return found

    async def audit(self, member_id: uuid.UUID) -> list[dict[str, Any]]:
        response = await self.client.get(
            "/api/v1/admin/moderation-audit-entries",
            params={"member_id": str(member_id)},
            headers=self.admin_headers(),
        )
        assert response.status_code == 200, response.text
        entries: list[dict[str, Any]] = response.json()["items"]
        return entries

    async def events(self, event_type: str, key: uuid.UUID) -> list[dict[str, Any]]:
        """Payloads trust wrote to its outbox for ``key``, oldest first."""
        database = next(m for m in self.driver.app.runtime.modules if m.name == "trust").database
        outbox = database.messaging.outbox
        async with database.session() as session:
            rows = await session.scalars(
                select(outbox.c.payload)
                .where(outbox.c.event_type == event_type, outbox.c.event_key == str(key))
                .order_by(outbox.c.seq)
            )
            return [json.loads(row) for row in rows]
