"""What any WebSocket on the platform needs: the platform's access token as the first
frame (a browser cannot send headers on a WebSocket, and a token in the URL ends up in
logs), the token watched while the socket is open (it expires, the account is banned
or deleted: the socket is told ``reauthenticate`` and closed), a fresh token accepted
on the open socket, a size limit per frame, and sends serialised on one socket."""

import asyncio
import contextlib
import json
import time
from typing import Any

import jwt
from fastapi import WebSocket
from starlette.websockets import WebSocketDisconnect, WebSocketState

from mungmo.platform.auth import Actor, TokenVerifier
from mungmo.platform.errors import DomainError, Unauthenticated

# Close codes (4000–4999 are the application's).
CLOSE_UNAUTHENTICATED = 4401
CLOSE_FORBIDDEN = 4403
CLOSE_BEHIND = 4408
CLOSE_TOO_LARGE = 1009
AUTH_TIMEOUT_SECONDS = 10.0


class FrameTooLarge(Exception):
    pass


class SocketAuth:
    """The token a socket was opened (or last renewed) with, and until when it holds."""

    def __init__(self, verifier: TokenVerifier, token: str, actor: Actor) -> None:
        self.verifier = verifier
        self.token = token
        self.actor = actor
        self.expires_at = _expiry(token)

    async def renew(self, token: str) -> None:
        """A fresh token of the same member (the client refreshed its session)."""
        actor = await self.verifier.verify(token)
        if actor.member_id != self.actor.member_id:
            raise Unauthenticated("A socket keeps the member it was opened by.")
        self.token, self.actor, self.expires_at = token, actor, _expiry(token)

    async def check(self) -> None:
        """Raises the refusal once the token expired or the account was revoked."""
        await self.verifier.verify(self.token)

    def seconds_left(self) -> float:
        return self.expires_at - time.time()

    def suspended(self) -> bool:
        return self.verifier.suspended_until(self.actor.member_id) is not None


def _expiry(token: str) -> float:
    claims = jwt.decode(token, options={"verify_signature": False})
    return float(claims["exp"])


class Socket:
    """One accepted WebSocket: JSON frames both ways, at most ``max_frame_bytes`` in."""

    def __init__(self, websocket: WebSocket, *, max_frame_bytes: int) -> None:
        self.websocket = websocket
        self.max_frame_bytes = max_frame_bytes
        self._send_lock = asyncio.Lock()

    async def receive(self) -> dict[str, Any]:
        text = await self.websocket.receive_text()
        if len(text.encode()) > self.max_frame_bytes:
            raise FrameTooLarge()
        try:
            frame = json.loads(text)
        except ValueError:
            return {}
        return frame if isinstance(frame, dict) else {}

    async def send_text(self, text: str) -> None:
        async with self._send_lock:
            await self.websocket.send_text(text)

    async def send(self, frame: dict[str, Any]) -> None:
        await self.send_text(json.dumps(frame, ensure_ascii=False, default=str))

    async def close(self, code: int, reason: str = "") -> None:
        if self.websocket.application_state != WebSocketState.DISCONNECTED:
            with contextlib.suppress(RuntimeError, WebSocketDisconnect):
                await self.websocket.close(code=code, reason=reason)

    async def authenticate(self, verifier: TokenVerifier) -> tuple[SocketAuth, dict[str, Any]]:
        """The first frame must be ``{"type": "auth", "token": …}``; returns the
        authentication and that frame (it may carry more, e.g. where to resume)."""
        frame = await asyncio.wait_for(self.receive(), AUTH_TIMEOUT_SECONDS)
        token = frame.get("token")
        if frame.get("type") != "auth" or not isinstance(token, str):
            raise Unauthenticated("Send {type: auth, token} first.")
        actor = await verifier.verify(token)
        return SocketAuth(verifier, token, actor), frame


async def watch_token(socket: Socket, auth: SocketAuth, *, every: float = 1.0) -> None:
    """Returns (after telling the client) once the token stops holding: it expired and
    was not renewed, or the account was banned or deleted (the deny list)."""
    while True:
        await asyncio.sleep(max(0.05, min(every, auth.seconds_left())))
        try:
            await auth.check()
        except DomainError as error:
            await socket.send({"type": "reauthenticate", "code": error.code})
            return
