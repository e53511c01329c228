"""An app on a real port (uvicorn in the test's loop) and a chat socket client."""

import asyncio
import contextlib
import json
import socket
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from typing import Any

import uvicorn
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from tests.support.polling import eventually


class _Server(uvicorn.Server):
    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield  # the test runner owns the process's signals


@contextlib.asynccontextmanager
async def serving(app: Any) -> AsyncIterator[str]:
    """Serves an app whose lifespan already runs; yields its ws:// base."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    server = _Server(uvicorn.Config(app, log_config=None, access_log=False, lifespan="off"))
    task = asyncio.create_task(server.serve(sockets=[listener]))

    async def started() -> bool:
        if task.done():
            task.result()
        return server.started

    try:
        await eventually(started, timeout=10)
        yield f"ws://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await task


@dataclass
class ChatClient:
    """One chat socket: every frame it got, in order, and how it closed."""

    connection: ClientConnection
    frames: list[dict[str, Any]] = field(default_factory=list)
    closed_code: int | None = None
    _reader: asyncio.Task[None] | None = None

    def messages(self) -> list[dict[str, Any]]:
        return [f for f in self.frames if f["type"] == "message"]

    def seqs(self) -> list[int]:
        return [f["seq"] for f in self.messages()]

    def of(self, kind: str) -> list[dict[str, Any]]:
        return [f for f in self.frames if f["type"] == kind]

    async def _read(self) -> None:
        try:
            async for raw in self.connection:
                self.frames.append(json.loads(raw))
        except ConnectionClosed:
            pass
        self.closed_code = self.connection.close_code

    async def send(self, **frame: Any) -> None:
        await self.connection.send(json.dumps(frame, ensure_ascii=False))

    async def wait_for(
        self, kind: str, count: int = 1, timeout: float = 15
    ) -> list[dict[str, Any]]:
        async def enough() -> list[dict[str, Any]]:
            return self.of(kind)

        return await eventually(enough, until=lambda found: len(found) >= count, timeout=timeout)

    async def wait_closed(self, timeout: float = 15) -> int:
        async def code() -> int | None:
            return self.closed_code

        found = await eventually(code, until=lambda c: c is not None, timeout=timeout)
        assert found is not None
        return found

    async def close(self) -> None:
        await self.connection.close()
        if self._reader is not None:
            await self._reader


@contextlib.asynccontextmanager
async def chat(
    base: str, club_id: str, token: str, *, after_seq: int | None = None, ready: bool = True
) -> AsyncIterator[ChatClient]:
    """A socket of the club's chat, authenticated; waits for ``ready`` unless told not."""
    connection = await connect(f"{base}/api/v1/clubs/{club_id}/chat/socket", max_size=None)
    client = ChatClient(connection)
    client._reader = asyncio.create_task(client._read())
    first: dict[str, Any] = {"type": "auth", "token": token}
    if after_seq is not None:
        first["after_seq"] = after_seq
    await client.send(**first)
    try:
        if ready:
            await client.wait_for("ready")
        yield client
    finally:
        await client.close()
