"""Friend and block lists come in pages (newest first) with an opaque cursor: every
item exactly once, in order, even when the list changes between pages."""

import uuid
from typing import Any

import pytest

from tests.support.member_app import MemberApp
from tests.support.onboarding import onboarded_member

FRIENDS = "/api/v1/friends"
BLOCKS = "/api/v1/blocks"


async def _all_pages(
    app: MemberApp, path: str, headers: dict[str, str], limit: int
) -> list[list[str]]:
    pages: list[list[str]] = []
    params: dict[str, Any] = {"limit": limit}
    while True:
        response = await app.client.get(path, params=params, headers=headers)
        assert response.status_code == 200, response.text
        body = response.json()
        assert len(body["items"]) <= limit
        pages.append([item["member_id"] for item in body["items"]])
        if body["next_cursor"] is None:
            return pages
        params = {"limit": limit, "cursor": body["next_cursor"]}


async def _members_added(
    app: MemberApp, path: str, headers: dict[str, str], count: int
) -> list[str]:
    """Adds ``count`` members to the list one after another and returns them in the
    list's order: newest first."""
    added: list[str] = []
    for _ in range(count):
        them, _ = await onboarded_member(app)
        response = await app.client.post(path, json={"member_id": str(them.id)}, headers=headers)
        assert response.status_code == 201, response.text
        added.append(str(them.id))
    return added[::-1]


@pytest.mark.parametrize("path", [FRIENDS, BLOCKS])
async def test_paging_returns_every_item_once_in_order(app: MemberApp, path: str) -> None:
    _, my_headers = await onboarded_member(app)
    expected = await _members_added(app, path, my_headers, 5)
    pages = await _all_pages(app, path, my_headers, limit=2)
    assert [len(page) for page in pages] == [2, 2, 1]
    assert [member for page in pages for member in page] == expected
    # Without a limit a page holds up to 20.
    whole = await app.client.get(path, headers=my_headers)
    assert [item["member_id"] for item in whole.json()["items"]] == expected
    assert whole.json()["next_cursor"] is None


async def test_a_friend_added_between_pages_neither_repeats_nor_shifts_the_rest(
    app: MemberApp,
) -> None:
    _, my_headers = await onboarded_member(app)
    expected = await _members_added(app, FRIENDS, my_headers, 4)
    first = (await app.client.get(FRIENDS, params={"limit": 2}, headers=my_headers)).json()
    newcomer, _ = await onboarded_member(app)
    added = await app.client.post(FRIENDS, json={"member_id": str(newcomer.id)}, headers=my_headers)
    assert added.status_code == 201
    rest = await app.client.get(
        FRIENDS, params={"limit": 10, "cursor": first["next_cursor"]}, headers=my_headers
    )
    shown = [f["member_id"] for f in first["items"]] + [
        f["member_id"] for f in rest.json()["items"]
    ]
    assert shown == expected


@pytest.mark.parametrize("path", [FRIENDS, BLOCKS])
@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({"cursor": "not-a-cursor"}, "request.cursor_invalid"),
        ({"cursor": "W10"}, "request.cursor_invalid"),  # base64 of "[]"
        ({"cursor": "x" * 513}, None),
        ({"limit": 0}, None),
        ({"limit": 101}, None),
        ({"limit": "many"}, None),
    ],
)
async def test_a_bad_cursor_or_limit_is_a_problem(
    app: MemberApp, path: str, params: dict[str, Any], code: str | None
) -> None:
    _, my_headers = await onboarded_member(app)
    response = await app.client.get(path, params=params, headers=my_headers)
    assert response.status_code == 422, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    if code is not None:
        assert response.json()["code"] == code


async def test_a_cursor_shows_only_the_callers_own_list(app: MemberApp) -> None:
    _, my_headers = await onboarded_member(app)
    await _members_added(app, FRIENDS, my_headers, 3)
    first = (await app.client.get(FRIENDS, params={"limit": 1}, headers=my_headers)).json()
    outsider, outsider_headers = await onboarded_member(app)
    theirs = await app.client.get(
        FRIENDS, params={"cursor": first["next_cursor"]}, headers=outsider_headers
    )
    assert theirs.status_code == 200
    assert theirs.json() == {"items": [], "next_cursor": None}
    assert outsider.id != uuid.UUID(first["items"][0]["member_id"])
