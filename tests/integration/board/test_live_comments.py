"""Live comments over the platform's real-time channel, across two app instances that
share the databases and the event log: a comment written through instance A reaches a
client listening on instance B (SSE over real HTTP), and the stream checks its token."""

import asyncio
import json
from pathlib import Path

import httpx
import pytest

from mungmo.contracts.board import post_channel
from mungmo.platform.realtime import Hub
from tests.support.app import running_app
from tests.support.board_app import BASE, BoardDriver, serving
from tests.support.stack import open_stack

STREAM = "/api/v1/realtime/stream"


async def _next_event(lines: "asyncio.Queue[str]", name: str) -> dict[str, str]:
    """The data of the next SSE event called ``name``."""
    event = ""
    while True:
        line = await asyncio.wait_for(lines.get(), timeout=15)
        if line.startswith("event: "):
            event = line.removeprefix("event: ")
        elif line.startswith("data: ") and event == name:
            found: dict[str, str] = json.loads(line.removeprefix("data: "))
            return found


async def test_a_comment_on_instance_a_reaches_a_listener_on_instance_b(
    request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    kind = request.config.getoption("--stack")
    async with (
        open_stack(kind, tmp_path) as stack,
        running_app(stack, board={"posts_per_hour": 100}) as first,
        running_app(stack, board={"posts_per_hour": 100}) as second,
    ):
        a = BoardDriver(first, stack.topic_prefix)
        # On Kafka the two instances share the board's consumer group: either applies.
        second.runtime.consumers["board"].observers.append(a.processed.append)
        author, reader = await a.member(), await a.member()
        post = await a.post(author, title="실시간")
        hub_b: Hub = second.runtime.realtime_hub  # type: ignore[assignment]
        in_process = hub_b.listen([post_channel(post["id"])])

        async with serving(second.app) as url, httpx.AsyncClient(base_url=url) as client:
            lines: asyncio.Queue[str] = asyncio.Queue()

            async def listen() -> None:
                async with client.stream(
                    "GET", STREAM, params={"channel": f"board.post.{post['id']}"},
                    headers=author.headers, timeout=30,
                ) as response:  # fmt: skip
                    assert response.status_code == 200
                    assert response.headers["content-type"].startswith("text/event-stream")
                    async for line in response.aiter_lines():
                        await lines.put(line)

            listening = asyncio.create_task(listen())
            assert await asyncio.wait_for(lines.get(), timeout=10) == "retry: 2000"
            comment = await a.comment(reader, post["id"], "B에서 보여요")  # through instance A

            data = await _next_event(lines, "comment_written")
            assert data == {"post_id": post["id"], "comment_id": comment["id"], "parent_id": None}
            message = await asyncio.wait_for(in_process.queue.get(), timeout=15)
            assert message is not None and message.event == "comment_written"
            listening.cancel()
            hub_b.leave(in_process)

            # The stream needs a member's token and a known channel.
            anonymous = await client.get(STREAM, params={"channel": "board.post.x"})
            unknown = await client.get(
                STREAM, params={"channel": "secret.things"}, headers=author.headers
            )
            bare = await client.get(
                STREAM, params={"channel": "board.post."}, headers=author.headers
            )
            assert (anonymous.status_code, unknown.status_code, bare.status_code) == (401, 403, 403)
            assert unknown.json()["code"] == "realtime.channel_not_allowed"


async def test_the_post_page_api_after_a_live_event_shows_the_comment(board: BoardDriver) -> None:
    """What the web app does on ``comment_written``: reload the comments."""
    author, reader = await board.member(), await board.member()
    post = await board.post(author)
    hub: Hub = board.app.runtime.realtime_hub  # type: ignore[assignment]
    listener = hub.listen([post_channel(post["id"])])
    try:
        written = await board.comment(reader, post["id"], "새 댓글")
        message = await asyncio.wait_for(listener.queue.get(), timeout=15)
        assert message is not None and json.loads(message.data)["comment_id"] == written["id"]
        comments = await board.get(author, f"/posts/{post['id']}/comments")
        assert [c["id"] for c in comments["items"]] == [written["id"]]
        other = await board.client.get(f"{BASE}/posts/{post['id']}", headers=reader.headers)
        assert other.json()["comment_count"] == 1
    finally:
        hub.leave(listener)
