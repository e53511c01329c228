"""Driving the board inside the whole app: members as identity and member announce them
(events on the log), tokens as identity signs them, and waits for the board's consumer."""

import asyncio
import contextlib
import socket
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import httpx
import uvicorn
from fastapi import FastAPI

from mungmo.board.service import Boards
from mungmo.contracts.identity import AccountRegistered
from mungmo.contracts.media import MediaUploaded
from mungmo.contracts.member import (
    MemberBlocked,
    MemberUnblocked,
    NeighbourhoodVerified,
    relation_key,
)
from mungmo.platform.clock import utc_now
from mungmo.platform.events.consumer import Processed
from mungmo.platform.events.contract import Event
from tests.support.app import RunningApp
from tests.support.foreign_events import publish_event
from tests.support.polling import eventually
from tests.support.regions import CHEONGUN_HYOJA, CHEONGUN_HYOJA_NAME

BASE = "/api/v1/board"


@dataclass(frozen=True)
class Member:
    id: uuid.UUID
    nickname: str
    headers: dict[str, str]


class BoardDriver:
    def __init__(self, app: RunningApp, topic_prefix: str) -> None:
        self.app = app
        self.topic_prefix = topic_prefix
        self.processed: list[Processed] = []
        app.runtime.consumers["board"].observers.append(self.processed.append)

    @property
    def client(self) -> httpx.AsyncClient:
        return self.app.client

    @property
    def boards(self) -> Boards:
        boards: Boards = self.app.app.state.dependencies[Boards]
        return boards

    def headers(
        self, member_id: uuid.UUID, *, roles: tuple[str, ...] = ("member",)
    ) -> dict[str, str]:
        signer = next(
            d.signer for d in self.app.app.state.dependencies.values() if hasattr(d, "signer")
        )
        token = signer.issue(
            account_id=member_id,
            session_id=uuid.uuid4(),
            roles=list(roles),
            now=utc_now(),
            ttl=timedelta(minutes=30),
            onboarded=True,
        )
        return {"Authorization": f"Bearer {token}"}

    def admin(self) -> dict[str, str]:
        return self.headers(uuid.uuid4(), roles=("member", "admin"))

    async def publish(self, event: Event, *, key: uuid.UUID | str) -> uuid.UUID:
        """Another service's event on the log; waits until the board handled it."""
        sent = await publish_event(
            self.app.runtime.transport, event, key=key, topic_prefix=self.topic_prefix
        )

        async def handled() -> bool:
            return any(done.envelope.id == sent for done in self.processed)

        await eventually(handled)
        return sent

    async def member(
        self, nickname: str | None = None, *, region: str = CHEONGUN_HYOJA, name: str = ""
    ) -> Member:
        member_id = uuid.uuid4()
        nickname = nickname or f"멍{member_id.hex[:8]}"
        now = utc_now()
        await self.publish(
            AccountRegistered(account_id=member_id, nickname=nickname, registered_at=now),
            key=member_id,
        )
        await self.publish(
            NeighbourhoodVerified(
                member_id=member_id,
                region_code=region,
                region_name=name or (CHEONGUN_HYOJA_NAME if region == CHEONGUN_HYOJA else region),
                verified_at=now,
                expires_at=now + timedelta(days=30),
            ),
            key=member_id,
        )
        return Member(member_id, nickname, self.headers(member_id))

    async def block(self, blocker: Member, blocked: Member) -> None:
        await self.publish(
            MemberBlocked(member_id=blocker.id, blocked_member_id=blocked.id, blocked_at=utc_now()),
            key=relation_key(blocker.id, blocked.id),
        )

    async def unblock(self, blocker: Member, blocked: Member) -> None:
        await self.publish(
            MemberUnblocked(
                member_id=blocker.id, unblocked_member_id=blocked.id, unblocked_at=utc_now()
            ),
            key=relation_key(blocker.id, blocked.id),
        )

    async def upload(self, member: Member, kind: str = "image") -> uuid.UUID:
        """An upload as media announces it (the board only keeps the id and kind)."""
        media_id = uuid.uuid4()
        await self.publish(
            MediaUploaded(
                media_id=media_id,
                owner_id=member.id,
                kind=kind,  # type: ignore[arg-type]
                content_type="video/mp4" if kind == "video" else "image/jpeg",
                purpose="post_attachment",
                uploaded_at=utc_now(),
                duration_ms=1500 if kind == "video" else None,
            ),
            key=media_id,
        )
        return media_id

    async def post(self, member: Member, **fields: Any) -> dict[str, Any]:
        body = {"category": "topic", "title": "산책 같이 해요", "content": "공원 산책로", **fields}
        response = await self.client.post(BASE + "/posts", json=body, headers=member.headers)
        assert response.status_code == 201, response.text
        found: dict[str, Any] = response.json()
        return found

    async def comment(
        self, member: Member, post_id: str, content: str = "좋아요", parent_id: str | None = None
    ) -> dict[str, Any]:
        body: dict[str, Any] = {"content": content}
        if parent_id:
            body["parent_id"] = parent_id
        response = await self.client.post(
            f"{BASE}/posts/{post_id}/comments", json=body, headers=member.headers
        )
        assert response.status_code == 201, response.text
        found: dict[str, Any] = response.json()
        return found

    async def get(self, member: Member, path: str, **params: Any) -> Any:
        response = await self.client.get(BASE + path, headers=member.headers, params=params)
        assert response.status_code == 200, response.text
        return response.json()

    async def titles(self, member: Member, path: str = "/posts", **params: Any) -> list[str]:
        page = await self.get(member, path, **params)
        return [item["title"] for item in page["items"]]


class _Server(uvicorn.Server):
    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield  # the test runner owns the process's signals


@contextlib.asynccontextmanager
async def serving(app: FastAPI) -> AsyncIterator[str]:
    """Serves an app whose lifespan already runs over real HTTP; yields its base URL."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    server = _Server(uvicorn.Config(app, log_config=None, access_log=False, lifespan="off"))
    task = asyncio.create_task(server.serve(sockets=[listener]))

    async def started() -> bool:
        if task.done():
            task.result()
        return bool(server.started)

    try:
        await eventually(started, timeout=10)
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        server.should_exit = True
        await task
        listener.close()
