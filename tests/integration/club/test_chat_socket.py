"""The club chat over its WebSocket, on one instance: real-time delivery, history and
read markers, reconnect without gaps or duplicates, removal and blocks, token expiry,
the send rate and size limits, deletion."""

import asyncio
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest

from mungmo.contracts.member import MemberBlocked
from mungmo.platform.clock import utc_now
from tests.integration.club.driver import ClubDriver, Person
from tests.integration.club.live import chat, serving
from tests.support.app import running_app
from tests.support.stack import open_stack

BURST = 15


@pytest.fixture(scope="module")
async def clubs(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[ClubDriver]:
    kind = request.config.getoption("--stack")
    async with (
        open_stack(kind, tmp_path_factory.mktemp("chat")) as stack,
        running_app(
            stack,
            club={"clubs_per_hour": 1000, "chat_burst": BURST, "chat_window_seconds": 60},
        ) as app,
    ):
        yield ClubDriver(app, stack.topic_prefix)


@pytest.fixture(scope="module")
async def base(clubs: ClubDriver) -> AsyncIterator[str]:
    async with serving(clubs.app.app) as url:
        yield url


async def _club(clubs: ClubDriver, *names: str) -> tuple[str, list[Person]]:
    people = await clubs.people(*names)
    club = await clubs.create_club(people[0])
    for person in people[1:]:
        await clubs.join(club["id"], person)
    return club["id"], people


async def _say(clubs: ClubDriver, club_id: str, person: Person, body: str) -> int:
    sent = await clubs.client.post(
        f"/api/v1/clubs/{club_id}/chat/messages", json={"body": body}, headers=person.headers
    )
    assert sent.status_code == 201, sent.text
    seq: int = sent.json()["seq"]
    return seq


async def test_two_members_chat_in_real_time(clubs: ClubDriver, base: str) -> None:
    club_id, (owner, guest) = await _club(clubs, "채팅주인", "채팅손님")
    async with (
        chat(base, club_id, clubs.token(owner.id)) as mine,
        chat(base, club_id, clubs.token(guest.id)) as theirs,
    ):
        await mine.send(type="send", body="안녕하세요 @채팅손님", ref="r1")
        (ack,) = await mine.wait_for("ack")
        assert ack["ref"] == "r1" and ack["seq"] == 1
        (got,) = await theirs.wait_for("message")
        assert (got["body"], got["author_nickname"], got["seq"]) == (
            "안녕하세요 @채팅손님",
            "채팅주인",
            1,
        )
        await theirs.send(type="send", body="반가워요", ref="r2")
        await mine.wait_for("message", 2)
        await theirs.wait_for("message", 2)
        assert mine.seqs() == [1, 2] and theirs.seqs() == [1, 2]

    unread = await clubs.client.get("/api/v1/clubs-unread", headers=guest.headers)
    (mine_unread,) = [u for u in unread.json()["items"] if u["club_id"] == club_id]
    assert mine_unread["unread"] == 0  # sending marks everything before as read
    marked = await clubs.client.put(
        f"/api/v1/clubs/{club_id}/chat/read", json={"seq": 0}, headers=owner.headers
    )
    assert (marked.json()["unread"], marked.json()["last_read_seq"]) == (1, 1)


async def test_history_pages_and_unread_counts(clubs: ClubDriver) -> None:
    club_id, (owner, reader) = await _club(clubs, "기록주인", "기록독자")
    for n in range(1, 8):
        await _say(clubs, club_id, owner, f"메시지 {n}")
    url = f"/api/v1/clubs/{club_id}/chat/messages"
    latest = (await clubs.client.get(url, params={"limit": 3}, headers=reader.headers)).json()
    assert [m["seq"] for m in latest["items"]] == [5, 6, 7]
    older = await clubs.client.get(
        url, params={"limit": 3, "before_seq": latest["next_before_seq"]}, headers=reader.headers
    )
    assert [m["seq"] for m in older.json()["items"]] == [2, 3, 4]
    unread = await clubs.client.get("/api/v1/clubs-unread", headers=reader.headers)
    (counts,) = [u for u in unread.json()["items"] if u["club_id"] == club_id]
    assert (counts["unread"], counts["last_seq"]) == (7, 7)
    marked = await clubs.client.put(
        f"/api/v1/clubs/{club_id}/chat/read", json={"seq": 5}, headers=reader.headers
    )
    assert marked.json()["unread"] == 2
    # The marker never goes back, nor past the last message.
    back = await clubs.client.put(
        f"/api/v1/clubs/{club_id}/chat/read", json={"seq": 99}, headers=reader.headers
    )
    assert (back.json()["last_read_seq"], back.json()["unread"]) == (7, 0)
    outsider = clubs.anyone()
    refused = await clubs.client.get(url, headers=outsider.headers)
    assert refused.status_code == 403


async def test_a_reconnect_resumes_without_gaps_or_duplicates(clubs: ClubDriver, base: str) -> None:
    club_id, (owner, reader) = await _club(clubs, "재접속주인", "재접속독자")
    async with chat(base, club_id, clubs.token(reader.id)) as first:
        for n in range(3):
            await _say(clubs, club_id, owner, f"처음 {n}")
        await first.wait_for("message", 3)
        last_seen = first.seqs()[-1]
    for n in range(4):  # while the reader is away
        await _say(clubs, club_id, owner, f"없는 동안 {n}")

    async def keep_talking() -> None:
        for n in range(6):
            await _say(clubs, club_id, owner, f"다시 {n}")

    talking = asyncio.create_task(keep_talking())
    async with chat(base, club_id, clubs.token(reader.id), after_seq=last_seen) as again:
        await talking
        last = await _say(clubs, club_id, owner, "끝")
        await again.wait_for("message", 11)
        assert again.seqs() == list(range(last_seen + 1, last + 1))


async def test_a_removed_members_socket_stops_at_once(clubs: ClubDriver, base: str) -> None:
    club_id, (owner, removed, stays) = await _club(clubs, "퇴출방주인", "퇴출될회원", "남는회원")
    async with (
        chat(base, club_id, clubs.token(removed.id)) as gone,
        chat(base, club_id, clubs.token(stays.id)) as kept,
    ):
        response = await clubs.client.post(
            f"/api/v1/clubs/{club_id}/members/{removed.id}/remove",
            json={"allow_rejoin": False},
            headers=owner.headers,
        )
        assert response.status_code == 204
        assert await gone.wait_closed() == 4403
        assert gone.of("removed")
        await _say(clubs, club_id, owner, "퇴출 뒤 메시지")
        await kept.wait_for("message")
        assert gone.messages() == []
    rejoin = await clubs.client.post(f"/api/v1/clubs/{club_id}/join", headers=removed.headers)
    assert rejoin.json()["code"] == "club.rejoin_banned"
    async with chat(base, club_id, clubs.token(removed.id), ready=False) as refused:
        assert await refused.wait_closed() == 4403
        assert refused.of("error")[0]["code"] == "club.not_a_member"


async def test_a_blocked_members_messages_stop_reaching_the_blocker(
    clubs: ClubDriver, base: str
) -> None:
    club_id, (owner, blocker, blocked) = await _club(
        clubs, "차단방주인", "차단한회원", "차단된회원"
    )
    async with chat(base, club_id, clubs.token(blocker.id)) as socket:
        await _say(clubs, club_id, blocked, "차단 전")
        await socket.wait_for("message")
        await clubs.publish(
            (
                MemberBlocked(
                    member_id=blocker.id, blocked_member_id=blocked.id, blocked_at=utc_now()
                ),
                f"{blocker.id}",
            )
        )
        # The copy changed, then this socket reloaded whom it hides and told the client.
        await socket.wait_for("reload")
        await _say(clubs, club_id, blocked, "차단 후")
        await _say(clubs, club_id, owner, "주인 메시지")
        await socket.wait_for("message", 2)
        assert [m["body"] for m in socket.messages()] == ["차단 전", "주인 메시지"]
    history = await clubs.client.get(
        f"/api/v1/clubs/{club_id}/chat/messages", headers=blocker.headers
    )
    assert [m["body"] for m in history.json()["items"]] == ["주인 메시지"]


async def test_an_expired_token_closes_the_socket_and_a_renewed_one_keeps_it(
    clubs: ClubDriver, base: str
) -> None:
    club_id, (owner,) = await _club(clubs, "만료방주인")
    short = clubs.token(owner.id, ttl=timedelta(seconds=2))
    async with (
        chat(base, club_id, short) as expiring,
        chat(base, club_id, clubs.token(owner.id, ttl=timedelta(seconds=2))) as renewed,
    ):
        await renewed.send(type="auth", token=clubs.token(owner.id))
        assert await expiring.wait_closed(timeout=10) == 4401
        assert expiring.of("reauthenticate")[0]["code"] == "auth.token_expired"
        await _say(clubs, club_id, owner, "아직 열려 있나요")
        await renewed.wait_for("message")
        assert renewed.closed_code is None


async def test_sends_are_limited_in_rate_and_size(clubs: ClubDriver, base: str) -> None:
    club_id, (owner,) = await _club(clubs, "제한방주인")
    async with chat(base, club_id, clubs.token(owner.id)) as socket:
        await socket.send(type="send", body="가" * 1001, ref="long")
        (too_long,) = await socket.wait_for("error")
        assert (too_long["ref"], too_long["code"]) == ("long", "club.message_too_long")
        for n in range(BURST + 2):
            await socket.send(type="send", body=f"연속 {n}", ref=f"b{n}")
        await socket.wait_for("ack", BURST)
        errors = await socket.wait_for("error", 3)
        assert [e["code"] for e in errors[1:]] == ["rate_limited", "rate_limited"]
        assert len(socket.of("ack")) == BURST
        await socket.send(type="send", body="x" * 20_000)
        assert await socket.wait_closed() == 1009
    stored = await clubs.client.get(f"/api/v1/clubs/{club_id}/chat/messages", headers=owner.headers)
    assert len(stored.json()["items"]) == BURST


async def test_a_manager_deletes_a_message_and_sockets_hear_it(
    clubs: ClubDriver, base: str
) -> None:
    club_id, (owner, manager, author) = await _club(clubs, "삭제방주인", "삭제매니저", "삭제작성자")
    promoted = await clubs.client.put(
        f"/api/v1/clubs/{club_id}/members/{manager.id}/role",
        json={"role": "manager"},
        headers=owner.headers,
    )
    assert promoted.status_code == 200
    async with chat(base, club_id, clubs.token(owner.id)) as socket:
        sent = await clubs.client.post(
            f"/api/v1/clubs/{club_id}/chat/messages",
            json={"body": "지울 메시지"},
            headers=author.headers,
        )
        message_id = sent.json()["id"]
        await socket.wait_for("message")
        deleted = await clubs.client.delete(
            f"/api/v1/clubs/{club_id}/chat/messages/{message_id}", headers=manager.headers
        )
        assert deleted.status_code == 204
        (gone,) = await socket.wait_for("deleted")
        assert gone["message_id"] == message_id
    history = await clubs.client.get(
        f"/api/v1/clubs/{club_id}/chat/messages", headers=owner.headers
    )
    (item,) = history.json()["items"]
    assert (item["deleted"], item["body"]) == (True, "")
