"""Events between two members share one key, so a consumer applies them in the order
they happened whichever of the two acted: proved with both members acting at once."""

import asyncio
from typing import Any

from sqlalchemy import select

from mungmo.contracts.member import relation_key
from tests.support.member_app import MemberApp
from tests.support.onboarding import onboarded_member

FRIENDS = "/api/v1/friends"
ROUNDS = 8


async def _pair_events(app: MemberApp, key: str) -> list[str]:
    """Types of the events on the pair's key, in the order the relay publishes them."""
    database = app.module("member").database
    outbox = database.messaging.outbox
    async with database.session() as session:
        rows = await session.scalars(
            select(outbox.c.event_type).where(outbox.c.event_key == key).order_by(outbox.c.seq)
        )
        return list(rows)


async def test_both_members_adding_and_removing_at_once_stay_in_order(app: MemberApp) -> None:
    me, my_headers = await onboarded_member(app)
    them, their_headers = await onboarded_member(app)

    async def add(headers: dict[str, str], other: Any) -> int:
        response = await app.client.post(FRIENDS, json={"member_id": str(other)}, headers=headers)
        return response.status_code

    async def remove(headers: dict[str, str], other: Any) -> int:
        return (await app.client.delete(f"{FRIENDS}/{other}", headers=headers)).status_code

    statuses = await asyncio.gather(
        *(
            call
            for _ in range(ROUNDS)
            for call in (
                add(my_headers, them.id),
                remove(their_headers, me.id),
                add(their_headers, me.id),
                remove(my_headers, them.id),
            )
        )
    )
    assert set(statuses) <= {200, 201, 204, 404}

    events = await _pair_events(app, relation_key(me.id, them.id))
    assert events, "the pair's events are on the pair's key"
    # A friendship can only be added when there is none and removed when there is one,
    # so in publish order the events must alternate, starting with an addition.
    expected = ["member.FriendAdded", "member.FriendRemoved"] * len(events)
    assert events == expected[: len(events)]
    # Replaying them gives the state the database holds.
    friends_now = [
        f["member_id"] for f in (await app.client.get(FRIENDS, headers=my_headers)).json()["items"]
    ]
    assert (events[-1] == "member.FriendAdded") == (friends_now == [str(them.id)])
    print(f"pair events: {len(events)} in order, friends now: {bool(friends_now)}")
