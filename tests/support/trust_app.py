"""Driving the trust service inside the whole app: meetup events as the (future) meetup
service would publish them, tokens for members and admins, waits for each consumer."""

import uuid
from datetime import datetime, timedelta
from typing import Any

import httpx

from mungmo.contracts.meetup import MeetupReviewSubmitted, NoShowRecorded
from mungmo.platform.clock import utc_now
from mungmo.platform.events.consumer import Processed
from mungmo.platform.events.contract import Event
from mungmo.trust.service.context import Trust
from tests.support.app import RunningApp
from tests.support.foreign_events import publish_event
from tests.support.polling import eventually


class TrustDriver:
    def __init__(self, app: RunningApp, topic_prefix: str) -> None:
        self.app = app
        self.topic_prefix = topic_prefix
        self.processed: dict[str, list[Processed]] = {}
        for name, consumer in app.runtime.consumers.items():
            seen = self.processed.setdefault(name, [])
            consumer.observers.append(seen.append)

    @property
    def client(self) -> httpx.AsyncClient:
        return self.app.client

    @property
    def trust(self) -> Trust:
        trust: Trust = self.app.app.state.dependencies[Trust]
        return trust

    def headers(
        self,
        member_id: uuid.UUID | None = None,
        *,
        roles: tuple[str, ...] = ("member",),
        onboarded: bool = True,
    ) -> dict[str, str]:
        """An access token as identity signs it."""
        signer = next(
            d.signer for d in self.app.app.state.dependencies.values() if hasattr(d, "signer")
        )
        token = signer.issue(
            account_id=member_id or uuid.uuid4(),
            session_id=uuid.uuid4(),
            roles=list(roles),
            now=utc_now(),
            ttl=timedelta(minutes=30),
            onboarded=onboarded,
        )
        return {"Authorization": f"Bearer {token}"}

    def admin_headers(self) -> dict[str, str]:
        return self.headers(roles=("member", "admin"))

    async def publish(
        self, event: Event, *, key: uuid.UUID | str, event_id: uuid.UUID | None = None
    ) -> uuid.UUID:
        """Another service's event on the log; waits until trust's consumer handled it."""
        sent = await publish_event(
            self.app.runtime.transport,
            event,
            key=key,
            topic_prefix=self.topic_prefix,
            event_id=event_id,
        )

        async def handled() -> bool:
            return any(done.envelope.id == sent for done in self.processed["trust"])

        await eventually(handled)
        return sent

    async def review(
        self,
        member_id: uuid.UUID,
        stars: int,
        *,
        at: datetime | None = None,
        review_id: uuid.UUID | None = None,
    ) -> uuid.UUID:
        meetup_id = uuid.uuid4()
        return await self.publish(
            MeetupReviewSubmitted(
                review_id=review_id or uuid.uuid4(),
                meetup_id=meetup_id,
                reviewer_id=uuid.uuid4(),
                member_id=member_id,
                stars=stars,
                submitted_at=at or utc_now(),
            ),
            key=meetup_id,
        )

    async def no_show(self, member_id: uuid.UUID, *, at: datetime | None = None) -> uuid.UUID:
        meetup_id = uuid.uuid4()
        return await self.publish(
            NoShowRecorded(meetup_id=meetup_id, member_id=member_id, recorded_at=at or utc_now()),
            key=meetup_id,
        )

    async def score(self, member_id: uuid.UUID) -> dict[str, Any]:
        response = await self.client.get("/api/v1/trust-scores/me", headers=self.headers(member_id))
        assert response.status_code == 200, response.text
        found: dict[str, Any] = response.json()
        return found

    async def history(self, member_id: uuid.UUID, **params: Any) -> dict[str, Any]:
        response = await self.client.get(
            "/api/v1/trust-scores/me/history", headers=self.headers(member_id), params=params
        )
        assert response.status_code == 200, response.text
        found: dict[str, Any] = response.json()
        return found
