"""GET /api/v1/realtime/stream: Server-Sent Events of the channels a client asks for.

The client sends its access token in the Authorization header (the web app reads the
stream with fetch(); an EventSource cannot send headers and a token in the URL would
end up in logs). The token is checked on connect and again with every heartbeat, so a
stream ends when the token expires or the account is banned; the client reconnects with
a fresh token and reloads what it shows."""

import asyncio
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import StreamingResponse

from mungmo.platform.auth import Actor, CurrentMember, TokenVerifier
from mungmo.platform.errors import DomainError, Forbidden
from mungmo.platform.realtime.feeds import RealtimeFeed
from mungmo.platform.realtime.hub import Hub, Listener, Message

router = APIRouter(tags=["realtime"])
HEARTBEAT_SECONDS = 15.0
MAX_CHANNELS = 20


class ChannelNotAllowed(Forbidden):
    code = "realtime.channel_not_allowed"
    title = "You cannot listen to this channel"


def _frame(message: Message) -> str:
    return f"id: {message.id}\nevent: {message.event}\ndata: {message.data}\n\n"


def _authorise(actor: Actor, channels: list[str], feeds: list[RealtimeFeed]) -> None:
    for channel in channels:
        feed = next((f for f in feeds if channel.startswith(f.prefix)), None)
        if feed is None or len(channel) == len(feed.prefix) or not feed.may_listen(actor, channel):
            raise ChannelNotAllowed(f"Unknown or forbidden channel {channel!r}.")


async def _stream(
    hub: Hub, listener: Listener, verifier: TokenVerifier, token: str, heartbeat: float
) -> AsyncIterator[str]:
    try:
        yield "retry: 2000\n: connected\n\n"
        while True:
            try:
                message = await asyncio.wait_for(listener.queue.get(), timeout=heartbeat)
            except TimeoutError:
                try:
                    await verifier.verify(token)
                except DomainError as error:
                    yield f"event: reauthenticate\ndata: {error.code}\n\n"
                    return
                yield ": heartbeat\n\n"
                continue
            if message is None:  # fell behind: the client reconnects and reloads
                yield "event: reload\ndata: {}\n\n"
                return
            yield _frame(message)
    finally:
        hub.leave(listener)


@router.get(
    "/api/v1/realtime/stream",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/event-stream": {}}, "description": "An SSE stream."}},
)
async def stream(
    request: Request,
    actor: CurrentMember,
    channel: Annotated[list[str], Query(min_length=1, max_length=MAX_CHANNELS)],
) -> StreamingResponse:
    """Events of the ``channel``s (e.g. ``board.post.<id>``) as they happen: one
    ``event:`` name per kind with JSON ``data``; ``reauthenticate`` when the token
    expired or was revoked, ``reload`` when the client fell behind."""
    hub: Hub = request.app.state.realtime_hub
    feeds: list[RealtimeFeed] = request.app.state.realtime_feeds
    _authorise(actor, channel, feeds)
    token = request.headers["authorization"].split(" ", 1)[1]
    listener = hub.listen(channel)
    heartbeat: float = getattr(request.app.state, "realtime_heartbeat", HEARTBEAT_SECONDS)
    return StreamingResponse(
        _stream(hub, listener, request.app.state.token_verifier, token, heartbeat),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )
