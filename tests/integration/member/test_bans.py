"""AccountBanned hides the member and ends their friendships; AccountUnbanned shows the
card again while the ended friendships stay ended."""

import uuid
from datetime import UTC, datetime

from mungmo.contracts.identity import AccountBanned, AccountUnbanned
from mungmo.contracts.member import relation_key
from tests.support.member_app import Account, MemberApp
from tests.support.onboarding import onboarded_member
from tests.support.polling import eventually

FRIENDS = "/api/v1/friends"


async def _friend_ids(app: MemberApp, headers: dict[str, str]) -> list[str]:
    response = await app.client.get(FRIENDS, headers=headers)
    assert response.status_code == 200, response.text
    return [friend["member_id"] for friend in response.json()["items"]]


async def _befriend(app: MemberApp, headers: dict[str, str], member_id: uuid.UUID) -> None:
    added = await app.client.post(FRIENDS, json={"member_id": str(member_id)}, headers=headers)
    assert added.status_code == 201, added.text


async def _ban(app: MemberApp, account: Account) -> None:
    """Identity's ban event, delivered twice as at-least-once delivery may."""
    event = AccountBanned(account_id=account.id, banned_at=datetime.now(UTC))
    event_id = await app.publish(event, key=account.id)
    await app.handled(event_id)
    await app.publish(event, key=account.id, event_id=event_id)

    async def duplicate_seen() -> bool:
        return any(
            processed.envelope.id == event_id
            and processed.handler == "member.on_account_banned"
            and processed.duplicate
            for processed in app.processed
        )

    await eventually(duplicate_seen)


async def test_a_banned_member_disappears_and_loses_every_friendship(app: MemberApp) -> None:
    banned, banned_headers = await onboarded_member(app)
    friend, friend_headers = await onboarded_member(app)
    other_friend, other_headers = await onboarded_member(app)
    _, stranger_headers = await onboarded_member(app)
    await _befriend(app, banned_headers, friend.id)
    await _befriend(app, other_headers, banned.id)
    await _befriend(app, friend_headers, other_friend.id)

    await _ban(app, banned)

    for headers in (friend_headers, stranger_headers):
        card = await app.client.get(f"/api/v1/members/{banned.id}", headers=headers)
        assert card.status_code == 404
        assert card.headers["content-type"] == "application/problem+json"
        assert card.json()["code"] == "member.not_found"
    assert await _friend_ids(app, friend_headers) == [str(other_friend.id)]
    assert await _friend_ids(app, other_headers) == [str(friend.id)]
    # Announced once per ended friendship, by the banned member, despite the duplicate.
    removed = [
        event
        for friend_id in (friend.id, other_friend.id)
        for event in await app.member_events(
            "member.FriendRemoved", relation_key(banned.id, friend_id)
        )
    ]
    assert sorted(event["friend_id"] for event in removed) == sorted(
        [str(friend.id), str(other_friend.id)]
    )
    # Nobody can befriend them while the ban lasts.
    again = await app.client.post(
        FRIENDS, json={"member_id": str(banned.id)}, headers=friend_headers
    )
    assert again.status_code == 404 and again.json()["code"] == "member.not_found"


async def test_unbanning_shows_the_card_again_but_friendships_stay_ended(
    app: MemberApp,
) -> None:
    banned, banned_headers = await onboarded_member(app)
    friend, friend_headers = await onboarded_member(app)
    await _befriend(app, friend_headers, banned.id)
    await _ban(app, banned)

    await app.handled(
        await app.publish(
            AccountUnbanned(account_id=banned.id, unbanned_at=datetime.now(UTC)), key=banned.id
        )
    )

    card = await app.client.get(f"/api/v1/members/{banned.id}", headers=friend_headers)
    assert card.status_code == 200, card.text
    assert card.json()["nickname"] == banned.nickname
    assert card.json()["relationship"]["is_friend"] is False
    assert await _friend_ids(app, friend_headers) == []
    assert await _friend_ids(app, banned_headers) == []
    # They can become friends again, as anyone can.
    await _befriend(app, friend_headers, banned.id)
    assert await _friend_ids(app, banned_headers) == [str(friend.id)]


async def test_a_ban_of_an_unknown_account_changes_nothing(app: MemberApp) -> None:
    nobody = uuid.uuid4()
    event_id = await app.publish(
        AccountBanned(account_id=nobody, banned_at=datetime.now(UTC)), key=nobody
    )
    await app.handled(event_id)
    viewer, viewer_headers = await onboarded_member(app)
    card = await app.client.get(f"/api/v1/members/{nobody}", headers=viewer_headers)
    assert card.status_code == 404
    mine = await app.client.get(f"/api/v1/members/{viewer.id}", headers=viewer_headers)
    assert mine.status_code == 200
