"""Driving the meetup service inside the whole app: members as the member service
publishes them (events on the log), tokens as identity signs them, meetups made through
the API, and looks into the meetup service's outbox."""

import json
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import select

from mungmo.contracts.member import (
    MemberBlocked,
    MemberCreated,
    NeighbourhoodVerified,
    ProfileChanged,
    PublicDog,
    relation_key,
)
from mungmo.meetup.models import KnownMember, Meetup
from mungmo.meetup.service.context import Meetups
from mungmo.platform.clock import utc_now
from mungmo.platform.events.consumer import Processed
from mungmo.platform.events.contract import Event
from tests.support.app import RunningApp
from tests.support.foreign_events import publish_event
from tests.support.polling import eventually
from tests.support.regions import CHEONGUN_HYOJA, CHEONGUN_HYOJA_NAME

MEETUPS = "/api/v1/meetups"
# 청운효자동's centre (as the shipped file has it) and a spot 2 km away in 종로구.
CENTRE = (37.5847540, 126.9683910)
NEAR_PLACE = (37.5851, 126.9690)
SAJIK_PLACE = (37.5760, 126.9680)


@dataclass(frozen=True)
class Member:
    id: uuid.UUID
    headers: dict[str, str]


class MeetupDriver:
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
    def meetups(self) -> Meetups:
        found: Meetups = self.app.app.state.dependencies[Meetups]
        return found

    def headers(self, member_id: uuid.UUID, *, onboarded: bool = True) -> dict[str, str]:
        signer = next(
            d.signer for d in self.app.app.state.dependencies.values() if hasattr(d, "signer")
        )
        token = signer.issue(
            account_id=member_id,
            session_id=uuid.uuid4(),
            roles=["member"],
            now=utc_now(),
            ttl=timedelta(minutes=30),
            onboarded=onboarded,
        )
        return {"Authorization": f"Bearer {token}"}

    async def publish(
        self, event: Event, *, key: uuid.UUID | str, service: str | None = "meetup"
    ) -> None:
        """Another service's event on the log; waits until ``service`` (here) handled it."""
        sent = await publish_event(
            self.app.runtime.transport, event, key=key, topic_prefix=self.topic_prefix
        )
        if service is None:
            return

        async def handled() -> bool:
            return any(done.envelope.id == sent for done in self.processed[service])

        await eventually(handled)

    async def member(
        self,
        nickname: str = "산책러",
        *,
        region: str | None = CHEONGUN_HYOJA,
        dogs: list[dict[str, Any]] | None = None,
        wait: bool = True,
    ) -> Member:
        """A member the meetup service knows: created, with dogs, and (unless None) a
        verified 동."""
        member_id = uuid.uuid4()
        now = utc_now()
        service = "meetup" if wait else None
        await self.publish(
            MemberCreated(member_id=member_id, nickname=nickname, trust_score=30, created_at=now),
            key=member_id,
            service=service,
        )
        await self.publish(
            ProfileChanged(
                member_id=member_id,
                nickname=nickname,
                photo_media_id=uuid.uuid4(),
                changed=["dogs"],
                changed_at=now,
                dogs=[PublicDog(id=uuid.uuid4(), **dog) for dog in (dogs or [])],
            ),
            key=member_id,
            service=service,
        )
        if region is not None:
            await self.publish(
                NeighbourhoodVerified(
                    member_id=member_id,
                    region_code=region,
                    region_name=CHEONGUN_HYOJA_NAME if region == CHEONGUN_HYOJA else region,
                    verified_at=now,
                    expires_at=now + timedelta(days=30),
                ),
                key=member_id,
                service=service,
            )
        return Member(member_id, self.headers(member_id))

    async def block(self, blocker: Member, blocked: Member) -> None:
        await self.publish(
            MemberBlocked(member_id=blocker.id, blocked_member_id=blocked.id, blocked_at=utc_now()),
            key=relation_key(blocker.id, blocked.id),
        )

    async def known(self, member_id: uuid.UUID) -> KnownMember | None:
        async with self.meetups.uow() as uow:
            found: KnownMember | None = await uow.session.scalar(
                select(KnownMember).where(KnownMember.member_id == member_id)
            )
            return found

    async def create(self, host: Member, **overrides: Any) -> dict[str, Any]:
        response = await self.client.post(
            MEETUPS, json=meetup_body(**overrides), headers=host.headers
        )
        assert response.status_code == 201, response.text
        created: dict[str, Any] = response.json()
        return created

    async def join(self, member: Member, meetup_id: str) -> httpx.Response:
        return await self.client.post(
            f"{MEETUPS}/{meetup_id}/participants/me", headers=member.headers
        )

    async def detail(self, member: Member, meetup_id: str) -> dict[str, Any]:
        response = await self.client.get(f"{MEETUPS}/{meetup_id}", headers=member.headers)
        assert response.status_code == 200, response.text
        found: dict[str, Any] = response.json()
        return found

    @property
    def headers_any(self) -> dict[str, str]:
        """Some member's token, for reads that do not depend on who asks."""
        return self.headers(uuid.uuid4())

    async def attendance_closed(self, meetup_id: str) -> bool:
        """Whether the window's end job has run for the meetup."""
        async with self.meetups.uow() as uow:
            closed = await uow.session.scalar(
                select(Meetup.attendance_closed_at).where(Meetup.id == uuid.UUID(meetup_id))
            )
            return closed is not None

    async def emitted(self, event_type: str, key: str | None = None) -> list[dict[str, Any]]:
        """Payloads of ``event_type`` in the meetup outbox (for ``key``), oldest first."""
        database = next(m.database for m in self.app.runtime.modules if m.name == "meetup")
        outbox = database.messaging.outbox
        statement = select(outbox.c.payload).where(outbox.c.event_type == event_type)
        if key is not None:
            statement = statement.where(outbox.c.event_key == key)
        async with database.session() as session:
            rows = await session.execute(statement.order_by(outbox.c.seq))
            return [json.loads(payload) for (payload,) in rows]


def meetup_body(
    *,
    starts_at: datetime | None = None,
    duration_minutes: float = 60,
    place: tuple[float, float] = NEAR_PLACE,
    **overrides: Any,
) -> dict[str, Any]:
    start = starts_at or utc_now() + timedelta(days=1)
    body: dict[str, Any] = {
        "title": "경복궁 돌담길 산책",
        "body": "천천히 걸어요",
        "starts_at": start.isoformat(),
        "duration_minutes": duration_minutes,
        "place_name": "청운공원 입구",
        "latitude": place[0],
        "longitude": place[1],
        "capacity": 4,
    }
    return {**body, **overrides}
