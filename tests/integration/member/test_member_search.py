"""Nickname search for pickers (the report page): onboarded, visible members only,
never the caller, never anyone blocked either way, and only public fields."""

import uuid
from datetime import UTC, datetime

from mungmo.contracts.identity import AccountBanned, AccountDeleted
from tests.support.builders import unique_nickname
from tests.support.member_app import Account, MemberApp, member_app
from tests.support.onboarding import onboard
from tests.support.polling import eventually
from tests.support.regions import load_test_regions
from tests.support.stack import Stack

SEARCH = "/api/v1/members"


def _prefix() -> str:
    """A nickname start no other test's members share."""
    return f"찾{uuid.uuid4().hex[:6]}"


async def _member(app: MemberApp, prefix: str) -> tuple[Account, dict[str, str]]:
    account = await app.sign_up(nickname=unique_nickname(prefix))
    await onboard(app, account)
    return account, app.headers(account.id, onboarded=True)


async def _found(app: MemberApp, headers: dict[str, str], nickname: str) -> list[str]:
    response = await app.client.get(SEARCH, params={"nickname": nickname}, headers=headers)
    assert response.status_code == 200, response.text
    return [hit["id"] for hit in response.json()]


async def test_finds_onboarded_members_by_nickname_start(app: MemberApp) -> None:
    prefix = _prefix()
    me, my_headers = await _member(app, prefix)
    first, _ = await _member(app, prefix)
    second, _ = await _member(app, prefix)
    unfinished = await app.sign_up(nickname=unique_nickname(prefix))  # never onboarded

    response = await app.client.get(SEARCH, params={"nickname": prefix}, headers=my_headers)
    assert response.status_code == 200, response.text
    hits = response.json()
    expected = sorted([first, second], key=lambda account: (account.nickname, str(account.id)))
    assert [hit["id"] for hit in hits] == [str(account.id) for account in expected]
    assert [hit["nickname"] for hit in hits] == [account.nickname for account in expected]
    # Only the public card basics: no e-mail, birth year, gender, neighbourhood or dogs.
    assert all(set(hit) == {"id", "nickname", "photo_thumbnail_url"} for hit in hits)
    assert str(me.id) not in [hit["id"] for hit in hits]
    assert str(unfinished.id) not in [hit["id"] for hit in hits]

    limited = await app.client.get(
        SEARCH, params={"nickname": prefix, "limit": 1}, headers=my_headers
    )
    assert [hit["id"] for hit in limited.json()] == [str(expected[0].id)]
    assert await _found(app, my_headers, first.nickname) == [str(first.id)]
    # LIKE wildcards in the input are literal characters, not patterns.
    assert await _found(app, my_headers, "%") == []
    assert await _found(app, my_headers, "_") == []


async def test_blocked_members_are_not_found_either_way(app: MemberApp) -> None:
    prefix = _prefix()
    me, my_headers = await _member(app, prefix)
    blocked, blocked_headers = await _member(app, prefix)
    blocker, blocker_headers = await _member(app, prefix)
    bystander, bystander_headers = await _member(app, prefix)

    made = await app.client.post(
        "/api/v1/blocks", json={"member_id": str(blocked.id)}, headers=my_headers
    )
    assert made.status_code == 201, made.text
    made = await app.client.post(
        "/api/v1/blocks", json={"member_id": str(me.id)}, headers=blocker_headers
    )
    assert made.status_code == 201, made.text

    assert await _found(app, my_headers, prefix) == [str(bystander.id)]
    # The member I blocked does not find me, and I do not find who blocked me.
    assert str(me.id) not in await _found(app, blocked_headers, prefix)
    assert str(blocker.id) not in await _found(app, my_headers, prefix)
    # Others are not affected by blocks between two other members.
    assert set(await _found(app, bystander_headers, prefix)) == {
        str(me.id),
        str(blocked.id),
        str(blocker.id),
    }

    lifted = await app.client.delete(f"/api/v1/blocks/{blocked.id}", headers=my_headers)
    assert lifted.status_code == 204
    assert str(blocked.id) in await _found(app, my_headers, prefix)


async def test_deleted_and_banned_members_are_not_found(app: MemberApp) -> None:
    prefix = _prefix()
    _, my_headers = await _member(app, prefix)
    deleted, _ = await _member(app, prefix)
    banned, _ = await _member(app, prefix)
    kept, _ = await _member(app, prefix)
    now = datetime.now(UTC)
    await app.publish(AccountDeleted(account_id=deleted.id, deleted_at=now), key=deleted.id)
    await app.publish(AccountBanned(account_id=banned.id, banned_at=now), key=banned.id)

    await eventually(
        lambda: _found(app, my_headers, prefix), until=lambda found: found == [str(kept.id)]
    )


async def test_only_onboarded_members_may_search(app: MemberApp) -> None:
    prefix = _prefix()
    await _member(app, prefix)
    newcomer = await app.sign_up()
    unfinished = await app.client.get(SEARCH, params={"nickname": prefix}, headers=newcomer.headers)
    assert unfinished.status_code == 403
    assert unfinished.json()["code"] == "member.onboarding_required"
    anonymous = await app.client.get(SEARCH, params={"nickname": prefix})
    assert anonymous.status_code == 401
    _, headers = await _member(app, prefix)
    for bad in ({"nickname": ""}, {"nickname": "x" * 21}, {"nickname": prefix, "limit": 21}):
        refused = await app.client.get(SEARCH, params=bad, headers=headers)
        assert refused.status_code == 422
        assert refused.headers["content-type"] == "application/problem+json"


async def test_searches_are_rate_limited_per_member(stack: Stack) -> None:
    async with member_app(stack, nickname_searches_per_minute=3) as app:
        await load_test_regions(app)
        prefix = _prefix()
        _, headers = await _member(app, prefix)
        _, other_headers = await _member(app, prefix)
        for _ in range(3):
            assert (
                await app.client.get(SEARCH, params={"nickname": prefix}, headers=headers)
            ).status_code == 200
        limited = await app.client.get(SEARCH, params={"nickname": prefix}, headers=headers)
        assert limited.status_code == 429
        assert limited.json()["code"] == "rate_limited"
        assert limited.headers["retry-after"]
        # Another member's budget is their own.
        other = await app.client.get(SEARCH, params={"nickname": prefix}, headers=other_headers)
        assert other.status_code == 200
