"""Friends: mutual and immediate; never with yourself, a non-member or across a block."""

import asyncio
import uuid
from datetime import timedelta
from typing import Any

from mungmo.contracts.member import relation_key
from tests.support.member_app import MemberApp
from tests.support.onboarding import onboarded_member

FRIENDS = "/api/v1/friends"


async def _add(app: MemberApp, headers: dict[str, str], member_id: uuid.UUID) -> Any:
    return await app.client.post(FRIENDS, json={"member_id": str(member_id)}, headers=headers)


async def _friend_ids(app: MemberApp, headers: dict[str, str]) -> list[str]:
    response = await app.client.get(FRIENDS, headers=headers)
    assert response.status_code == 200
    return [friend["member_id"] for friend in response.json()["items"]]


async def test_adding_makes_both_friends_at_once(app: MemberApp) -> None:
    me, my_headers = await onboarded_member(app)
    them, their_headers = await onboarded_member(app)
    added = await _add(app, my_headers, them.id)
    assert added.status_code == 201, added.text
    friend = added.json()
    assert friend["member_id"] == str(them.id) and friend["nickname"] == them.nickname
    assert friend["trust_score"] == 30 and friend["photo_url"] is None and friend["since"]
    assert await _friend_ids(app, my_headers) == [str(them.id)]
    assert await _friend_ids(app, their_headers) == [str(me.id)]
    again = await _add(app, their_headers, me.id)
    assert again.status_code == 200
    (event,) = await app.member_events("member.FriendAdded", relation_key(me.id, them.id))
    assert event["friend_id"] == str(them.id)
    card = await app.client.get(f"/api/v1/members/{them.id}", headers=my_headers)
    assert card.json()["relationship"]["is_friend"] is True


async def test_removing_ends_it_for_both(app: MemberApp) -> None:
    me, my_headers = await onboarded_member(app)
    them, their_headers = await onboarded_member(app)
    await _add(app, my_headers, them.id)
    removed = await app.client.delete(f"{FRIENDS}/{me.id}", headers=their_headers)
    assert removed.status_code == 204
    assert await _friend_ids(app, my_headers) == []
    assert await _friend_ids(app, their_headers) == []
    (event,) = await app.member_events("member.FriendRemoved", relation_key(me.id, them.id))
    assert event["friend_id"] == str(me.id)
    again = await app.client.delete(f"{FRIENDS}/{me.id}", headers=their_headers)
    assert again.status_code == 404 and again.json()["code"] == "member.friend_not_found"


async def test_no_friendship_with_yourself_a_stranger_or_a_newcomer(app: MemberApp) -> None:
    me, my_headers = await onboarded_member(app)
    self_add = await _add(app, my_headers, me.id)
    assert self_add.status_code == 422 and self_add.json()["code"] == "member.cannot_friend_self"
    nobody = await _add(app, my_headers, uuid.uuid4())
    assert nobody.status_code == 404 and nobody.json()["code"] == "member.not_found"
    # An account still onboarding is not a member one can befriend yet.
    newcomer = await app.sign_up()
    pending = await _add(app, my_headers, newcomer.id)
    assert pending.status_code == 404 and pending.json()["code"] == "member.not_found"
    bad = await app.client.post(FRIENDS, json={"member_id": "x"}, headers=my_headers)
    assert bad.status_code == 422
    assert await _friend_ids(app, my_headers) == []


async def test_blocks_stop_friendship_both_ways(app: MemberApp) -> None:
    blocker, blocker_headers = await onboarded_member(app)
    blocked, blocked_headers = await onboarded_member(app)
    await app.client.post(
        "/api/v1/blocks", json={"member_id": str(blocked.id)}, headers=blocker_headers
    )
    # The blocked member cannot add the blocker, and is not told why.
    refused = await _add(app, blocked_headers, blocker.id)
    assert refused.status_code == 404 and refused.json()["code"] == "member.not_found"
    # The blocker is told they blocked this member.
    own_block = await _add(app, blocker_headers, blocked.id)
    assert own_block.status_code == 403 and own_block.json()["code"] == "member.blocked"
    assert await _friend_ids(app, blocker_headers) == []
    assert await _friend_ids(app, blocked_headers) == []
    assert await app.member_events("member.FriendAdded", relation_key(blocked.id, blocker.id)) == []


async def test_concurrent_adds_make_one_friendship(app: MemberApp) -> None:
    me, my_headers = await onboarded_member(app)
    them, their_headers = await onboarded_member(app)
    responses = await asyncio.gather(
        _add(app, my_headers, them.id),
        _add(app, their_headers, me.id),
        _add(app, my_headers, them.id),
        _add(app, their_headers, me.id),
    )
    assert sorted(r.status_code for r in responses) == [200, 200, 200, 201]
    assert await _friend_ids(app, my_headers) == [str(them.id)]
    assert await _friend_ids(app, their_headers) == [str(me.id)]
    added = await app.member_events("member.FriendAdded", relation_key(me.id, them.id))
    assert len(added) == 1


async def test_adding_friends_needs_a_current_neighbourhood(app: MemberApp) -> None:
    me, my_headers = await onboarded_member(app)
    them, _ = await onboarded_member(app)
    app.clock.advance(timedelta(days=31))
    refused = await _add(app, my_headers, them.id)
    assert refused.status_code == 403
    assert refused.json()["code"] == "member.neighbourhood_expired"
    renewed = await app.client.post(
        "/api/v1/members/me/neighbourhood",
        json={"region_code": "1111051500", "latitude": 37.5862, "longitude": 126.9701},
        headers=me.headers,
    )
    assert renewed.status_code == 200
    assert (await _add(app, my_headers, them.id)).status_code == 201


async def test_a_friends_list_belongs_to_its_owner(app: MemberApp) -> None:
    me, my_headers = await onboarded_member(app)
    them, _ = await onboarded_member(app)
    outsider, outsider_headers = await onboarded_member(app)
    await _add(app, my_headers, them.id)
    # Someone else cannot see, nor end, my friendships.
    assert await _friend_ids(app, outsider_headers) == []
    removal = await app.client.delete(f"{FRIENDS}/{them.id}", headers=outsider_headers)
    assert removal.status_code == 404
    assert await _friend_ids(app, my_headers) == [str(them.id)]
    assert outsider.id not in (me.id, them.id)
