"""Blocks: a block ends a friendship, is listed for the blocker only, and is undone
by unblocking. The blocked member is not told."""

import asyncio
import uuid
from typing import Any

from mungmo.contracts.member import relation_key
from tests.support.member_app import MemberApp
from tests.support.onboarding import onboarded_member

BLOCKS = "/api/v1/blocks"


async def _block(app: MemberApp, headers: dict[str, str], member_id: uuid.UUID) -> Any:
    return await app.client.post(BLOCKS, json={"member_id": str(member_id)}, headers=headers)


async def test_blocking_ends_a_friendship(app: MemberApp) -> None:
    me, my_headers = await onboarded_member(app)
    them, their_headers = await onboarded_member(app)
    await app.client.post("/api/v1/friends", json={"member_id": str(them.id)}, headers=my_headers)
    blocked = await _block(app, my_headers, them.id)
    assert blocked.status_code == 201, blocked.text
    assert blocked.json()["member_id"] == str(them.id)
    assert blocked.json()["nickname"] == them.nickname and blocked.json()["blocked_at"]
    assert (await app.client.get("/api/v1/friends", headers=my_headers)).json()["items"] == []
    assert (await app.client.get("/api/v1/friends", headers=their_headers)).json()["items"] == []
    (event,) = await app.member_events("member.MemberBlocked", relation_key(me.id, them.id))
    assert event["blocked_member_id"] == str(them.id)
    (removed,) = await app.member_events("member.FriendRemoved", relation_key(them.id, me.id))
    assert removed["friend_id"] == str(them.id)
    listing = await app.client.get(BLOCKS, headers=my_headers)
    assert [b["member_id"] for b in listing.json()["items"]] == [str(them.id)]
    # The blocked member sees nothing of it in their own lists.
    assert (await app.client.get(BLOCKS, headers=their_headers)).json()["items"] == []
    again = await _block(app, my_headers, them.id)
    assert again.status_code == 200
    assert len(await app.member_events("member.MemberBlocked", relation_key(me.id, them.id))) == 1


async def test_unblocking(app: MemberApp) -> None:
    me, my_headers = await onboarded_member(app)
    them, _ = await onboarded_member(app)
    await _block(app, my_headers, them.id)
    undone = await app.client.delete(f"{BLOCKS}/{them.id}", headers=my_headers)
    assert undone.status_code == 204
    assert (await app.client.get(BLOCKS, headers=my_headers)).json()["items"] == []
    (event,) = await app.member_events("member.MemberUnblocked", relation_key(me.id, them.id))
    assert event["unblocked_member_id"] == str(them.id)
    again = await app.client.delete(f"{BLOCKS}/{them.id}", headers=my_headers)
    assert again.status_code == 404 and again.json()["code"] == "member.block_not_found"
    # Friends again is possible once unblocked.
    added = await app.client.post(
        "/api/v1/friends", json={"member_id": str(them.id)}, headers=my_headers
    )
    assert added.status_code == 201


async def test_blocks_are_the_blockers_own(app: MemberApp) -> None:
    me, my_headers = await onboarded_member(app)
    them, their_headers = await onboarded_member(app)
    await _block(app, my_headers, them.id)
    # The blocked member cannot lift it (they have no such block).
    lifted = await app.client.delete(f"{BLOCKS}/{them.id}", headers=their_headers)
    assert lifted.status_code == 404
    lifted = await app.client.delete(f"{BLOCKS}/{me.id}", headers=their_headers)
    assert lifted.status_code == 404
    assert len((await app.client.get(BLOCKS, headers=my_headers)).json()["items"]) == 1


async def test_bad_block_requests(app: MemberApp) -> None:
    me, my_headers = await onboarded_member(app)
    self_block = await _block(app, my_headers, me.id)
    assert self_block.status_code == 422 and self_block.json()["code"] == "member.cannot_block_self"
    nobody = await _block(app, my_headers, uuid.uuid4())
    assert nobody.status_code == 404 and nobody.json()["code"] == "member.not_found"
    assert (await app.client.get(BLOCKS, headers=my_headers)).json()["items"] == []


async def test_a_block_racing_a_friend_request_never_leaves_both(app: MemberApp) -> None:
    me, my_headers = await onboarded_member(app)
    them, their_headers = await onboarded_member(app)
    await asyncio.gather(
        app.client.post("/api/v1/friends", json={"member_id": str(me.id)}, headers=their_headers),
        _block(app, my_headers, them.id),
    )
    assert (await app.client.get("/api/v1/friends", headers=my_headers)).json()["items"] == []
    assert (await app.client.get("/api/v1/friends", headers=their_headers)).json()["items"] == []
