"""Driving the club service inside the whole app: members as identity and member would
announce them, tokens as identity signs them, clubs made through the API."""

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import httpx

from mungmo.contracts.identity import AccountRegistered
from mungmo.contracts.member import NeighbourhoodVerified
from mungmo.platform.clock import utc_now
from mungmo.platform.events.consumer import Processed
from mungmo.platform.events.contract import Event
from tests.support.app import RunningApp
from tests.support.foreign_events import publish_event
from tests.support.polling import eventually

REGION = ("1111051500", "서울특별시 종로구 청운효자동")


@dataclass
class Person:
    id: uuid.UUID
    nickname: str
    headers: dict[str, str]


class ClubDriver:
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

    def token(self, member_id: uuid.UUID, *, ttl: timedelta = timedelta(minutes=30)) -> str:
        signer = next(
            d.signer for d in self.app.app.state.dependencies.values() if hasattr(d, "signer")
        )
        token: str = signer.issue(
            account_id=member_id,
            session_id=uuid.uuid4(),
            roles=["member"],
            now=utc_now(),
            ttl=ttl,
            onboarded=True,
        )
        return token

    def headers(self, member_id: uuid.UUID) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token(member_id)}"}

    def anyone(self) -> Person:
        """A member the club service has not heard of (no nickname, no 동)."""
        member_id = uuid.uuid4()
        return Person(member_id, "", self.headers(member_id))

    async def publish(self, *events: tuple[Event, uuid.UUID | str]) -> None:
        """Other services' events on the log; waits until club's consumer handled them."""
        sent = [
            await publish_event(
                self.app.runtime.transport, event, key=key, topic_prefix=self.topic_prefix
            )
            for event, key in events
        ]

        async def handled() -> bool:
            done = {p.envelope.id for p in self.processed["club"]}
            return all(event_id in done for event_id in sent)

        await eventually(handled)

    async def people(self, *nicknames: str, verified: bool = True) -> list[Person]:
        """Members with nicknames (and a verified 동), known to the club service."""
        made = [Person(uuid.uuid4(), name, {}) for name in nicknames]
        events: list[tuple[Event, uuid.UUID | str]] = []
        now = utc_now()
        for person in made:
            person.headers = self.headers(person.id)
            events.append(
                (
                    AccountRegistered(
                        account_id=person.id, nickname=person.nickname, registered_at=now
                    ),
                    person.id,
                )
            )
            if verified:
                events.append(
                    (
                        NeighbourhoodVerified(
                            member_id=person.id,
                            region_code=REGION[0],
                            region_name=REGION[1],
                            verified_at=now,
                            expires_at=now + timedelta(days=30),
                        ),
                        person.id,
                    )
                )
        await self.publish(*events)
        return made

    async def create_club(self, owner: Person, **overrides: Any) -> dict[str, Any]:
        body = {
            "title": "한강 산책 모임",
            "text": "주말 아침마다 한강공원을 걸어요.",
            "topic": "walk",
            "join_mode": "open",
            **overrides,
        }
        response = await self.client.post("/api/v1/clubs", json=body, headers=owner.headers)
        assert response.status_code == 201, response.text
        club: dict[str, Any] = response.json()
        return club

    async def join(self, club_id: str, person: Person) -> dict[str, Any]:
        response = await self.client.post(f"/api/v1/clubs/{club_id}/join", headers=person.headers)
        assert response.status_code == 200, response.text
        joined: dict[str, Any] = response.json()
        return joined

    async def make_manager(self, club_id: str, owner: Person, person: Person) -> None:
        if (await self.join(club_id, person))["status"] == "pending":
            approved = await self.client.post(
                f"/api/v1/clubs/{club_id}/members/{person.id}/approve", headers=owner.headers
            )
            assert approved.status_code == 200, approved.text
        response = await self.client.put(
            f"/api/v1/clubs/{club_id}/members/{person.id}/role",
            json={"role": "manager"},
            headers=owner.headers,
        )
        assert response.status_code == 200, response.text

    async def schedule(
        self, club_id: str, by: Person, *, starts_at: datetime | None = None, **overrides: Any
    ) -> list[dict[str, Any]]:
        body = {
            "title": "토요일 아침 산책",
            "starts_at": (starts_at or utc_now() + timedelta(days=3)).isoformat(),
            "place_name": "여의도 한강공원",
            **overrides,
        }
        response = await self.client.post(
            f"/api/v1/clubs/{club_id}/schedules", json=body, headers=by.headers
        )
        assert response.status_code == 201, response.text
        made: list[dict[str, Any]] = response.json()
        return made


async def club_events(driver: ClubDriver, event_type: str) -> list[dict[str, Any]]:
    """The payloads of what the club service emitted of one type, in emit order."""
    import json

    from sqlalchemy import select

    (module,) = [m for m in driver.app.runtime.modules if m.name == "club"]
    outbox = module.database.messaging.outbox
    async with module.database.session() as session:
        rows = await session.execute(
            select(outbox.c.payload)
            .where(outbox.c.event_type == f"club.{event_type}")
            .order_by(outbox.c.seq)
        )
        return [json.loads(payload) for (payload,) in rows]
