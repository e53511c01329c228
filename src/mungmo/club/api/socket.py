"""The club chat's WebSocket, on the platform's real-time hub.

Protocol (JSON frames). Client: ``{"type": "auth", "token", "after_seq"?}`` first, then
``send`` (``body``, ``media_id``?, ``ref``), ``read`` (``seq``), ``auth`` (a fresh token).
Server: ``ready`` (``last_seq``, ``last_read_seq``), ``message`` (a stored message with
its ``seq``), ``deleted``, ``ack`` / ``error`` (answering a ``send``'s ``ref``),
``reload`` (a block started or ended: fetch the history again),
``reauthenticate`` then close 4401, ``removed`` then close 4403; close 4408 when this
socket fell behind (reconnect with ``after_seq``).

Every message reaches the socket from the event log through this instance's hub, never
from the sending process's memory: a socket on another instance gets it the same way.
After ``after_seq`` the socket first sends what is stored, then what arrives, skipping
what it already sent (by ``seq``): a reconnect loses and repeats nothing.
"""

import asyncio
import contextlib
import json
import uuid
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, WebSocket
from starlette.websockets import WebSocketDisconnect

from mungmo.club import service
from mungmo.club.schemas.chat import MessageCreate
from mungmo.club.service import sockets
from mungmo.club.service.context import Clubs
from mungmo.platform.auth import TokenVerifier
from mungmo.platform.errors import DomainError
from mungmo.platform.realtime import Hub, Listener, Message
from mungmo.platform.realtime.websocket import (
    CLOSE_BEHIND,
    CLOSE_FORBIDDEN,
    CLOSE_TOO_LARGE,
    CLOSE_UNAUTHENTICATED,
    FrameTooLarge,
    Socket,
    SocketAuth,
    watch_token,
)

router = APIRouter(tags=["club"])

CHAT_CHANNEL = "club.chat."
VISIBILITY_CHANNEL = "club.visibility.all"
# A frame carries at most a message of the longest text, with room for JSON and escapes.
MAX_FRAME_BYTES = 16_384


@dataclass(frozen=True)
class Parsed:
    kind: str
    seq: int
    author_id: str | None
    member_id: str | None
    member_ids: frozenset[str]


_parsed: OrderedDict[str, Parsed] = OrderedDict()


def _parse(message: Message) -> Parsed:
    """A hub message read once per instance, however many sockets forward it."""
    found = _parsed.get(message.id)
    if found is None:
        data: dict[str, Any] = json.loads(message.data)
        found = Parsed(
            kind=str(data.get("type")),
            seq=int(data.get("seq", 0)),
            author_id=data.get("author_id"),
            member_id=data.get("member_id"),
            member_ids=frozenset(data.get("member_ids", ())),
        )
        _parsed[message.id] = found
        if len(_parsed) > 4096:
            _parsed.popitem(last=False)
    return found


class ChatSocket:
    def __init__(
        self, socket: Socket, clubs: Clubs, hub: Hub, auth: SocketAuth, club_id: uuid.UUID
    ) -> None:
        self.socket = socket
        self.clubs = clubs
        self.hub = hub
        self.auth = auth
        self.club_id = club_id
        self.me = str(auth.actor.member_id)
        self.sent_seq = 0
        self.hidden: frozenset[str] = frozenset()
        self.close_code = CLOSE_FORBIDDEN

    async def run(self, after_seq: int | None) -> None:
        opening = await sockets.open_chat(self.clubs, self.auth.actor, self.club_id)
        self.hidden = frozenset(str(m) for m in opening.hidden)
        # Listen first, then catch up from the store: what is committed meanwhile
        # arrives on the listener and is skipped by seq if the store had it already.
        listener = self.hub.listen([CHAT_CHANNEL + str(self.club_id), VISIBILITY_CHANNEL])
        try:
            self.sent_seq = opening.last_seq if after_seq is None else after_seq
            await self._catch_up()
            await self.socket.send(
                {
                    "type": "ready",
                    "last_seq": max(self.sent_seq, opening.last_seq),
                    "last_read_seq": opening.last_read_seq,
                }
            )
            await self._until_first_ends(listener)
        finally:
            self.hub.leave(listener)

    async def _catch_up(self) -> None:
        while True:
            page = await service.history(
                self.clubs, self.auth.actor, self.club_id, after_seq=self.sent_seq, limit=100
            )
            for item in page.items:
                await self.socket.send({"type": "message", **item.model_dump(mode="json")})
                self.sent_seq = item.seq
            if len(page.items) < 100:
                return

    async def _until_first_ends(self, listener: Listener) -> None:
        tasks = [
            asyncio.create_task(self._pump(listener)),
            asyncio.create_task(self._read_frames()),
            asyncio.create_task(self._watch()),
        ]
        try:
            done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                task.result()
        finally:
            for task in tasks:
                task.cancel()
            for task in tasks:
                with contextlib.suppress(asyncio.CancelledError, WebSocketDisconnect):
                    await task

    async def _watch(self) -> None:
        await watch_token(self.socket, self.auth)
        self.close_code = CLOSE_UNAUTHENTICATED

    async def _pump(self, listener: Listener) -> None:
        while True:
            message = await listener.queue.get()
            if message is None:  # fell behind: the client reconnects from its last seq
                self.close_code = CLOSE_BEHIND
                return
            parsed = _parse(message)
            if parsed.kind == "visibility":
                if self.me in parsed.member_ids:
                    hidden = await sockets.hidden_members(self.clubs, self.auth.actor.member_id)
                    self.hidden = frozenset(str(m) for m in hidden)
                    # A block hides earlier messages too: the client reloads its history.
                    await self.socket.send({"type": "reload"})
                continue
            if parsed.kind == "member_removed":
                if parsed.member_id == self.me:
                    await self.socket.send({"type": "removed"})
                    self.close_code = CLOSE_FORBIDDEN
                    return
                continue
            if parsed.kind == "message":
                if parsed.seq <= self.sent_seq:
                    continue  # already sent from the store
                self.sent_seq = parsed.seq
            if parsed.author_id is not None and parsed.author_id in self.hidden:
                continue
            await self.socket.send_text(message.data)

    async def _read_frames(self) -> None:
        while True:
            try:
                frame = await self.socket.receive()
            except FrameTooLarge:
                await self.socket.send({"type": "error", "code": "club.message_too_long"})
                self.close_code = CLOSE_TOO_LARGE
                return
            kind = frame.get("type")
            try:
                if kind == "send":
                    await self._send(frame)
                elif kind == "read":
                    await service.mark_read(
                        self.clubs, self.auth.actor, self.club_id, int(frame.get("seq", 0))
                    )
                elif kind == "auth":
                    await self.auth.renew(str(frame.get("token", "")))
                elif kind == "ping":
                    await self.socket.send({"type": "pong"})
            except DomainError as error:
                await self.socket.send(
                    {
                        "type": "error",
                        "ref": frame.get("ref"),
                        "code": error.code,
                        "detail": error.detail,
                    }
                )
                if error.status == 401:
                    self.close_code = CLOSE_UNAUTHENTICATED
                    return
            except (TypeError, ValueError):
                await self.socket.send(
                    {"type": "error", "ref": frame.get("ref"), "code": "request.invalid"}
                )

    async def _send(self, frame: dict[str, Any]) -> None:
        if self.auth.suspended():
            await self.socket.send(
                {"type": "error", "ref": frame.get("ref"), "code": "trust.suspended"}
            )
            return
        await self.auth.check()
        data = MessageCreate.model_validate(
            {"body": frame.get("body", ""), "media_id": frame.get("media_id")}
        )
        sent = await service.send_message(self.clubs, self.auth.actor, self.club_id, data)
        await self.socket.send({"type": "ack", "ref": frame.get("ref"), "seq": sent.seq})


@router.websocket("/api/v1/clubs/{club_id}/chat/socket")
async def chat_socket(websocket: WebSocket, club_id: uuid.UUID) -> None:
    """The club's live chat (see the module's description for the protocol)."""
    await websocket.accept()
    socket = Socket(websocket, max_frame_bytes=MAX_FRAME_BYTES)
    clubs: Clubs = websocket.app.state.dependencies[Clubs]
    hub: Hub = websocket.app.state.realtime_hub
    verifier: TokenVerifier = websocket.app.state.token_verifier
    code = CLOSE_FORBIDDEN
    try:
        auth, first = await socket.authenticate(verifier)
        after = first.get("after_seq")
        chat = ChatSocket(socket, clubs, hub, auth, club_id)
        try:
            await chat.run(after if isinstance(after, int) and after >= 0 else None)
        finally:
            code = chat.close_code
    except WebSocketDisconnect:
        return
    except (TimeoutError, FrameTooLarge):
        code = CLOSE_UNAUTHENTICATED
    except DomainError as error:
        with contextlib.suppress(WebSocketDisconnect, RuntimeError):
            await socket.send({"type": "error", "code": error.code, "detail": error.detail})
        code = CLOSE_UNAUTHENTICATED if error.status == 401 else CLOSE_FORBIDDEN
    await socket.close(code)
