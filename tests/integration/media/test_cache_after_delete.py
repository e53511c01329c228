"""Deleted or erased media stops being served, and no cache was told to keep it for long."""

import httpx

from tests.integration.media.uploads import Member, new_member, upload
from tests.support.app import RunningApp
from tests.support.builders import PASSWORD
from tests.support.polling import eventually
from tests.unit.media.pictures import jpeg_with_gps

# A viewer's browser may show a deleted photo this long at most, never a shared cache.
MAX_STALE_SECONDS = 300


def _directives(response: httpx.Response) -> dict[str, str]:
    directives: dict[str, str] = {}
    for part in response.headers.get("cache-control", "").split(","):
        name, _, value = part.strip().lower().partition("=")
        if name:
            directives[name] = value
    return directives


def assert_short_private_caching(response: httpx.Response) -> None:
    directives = _directives(response)
    assert "immutable" not in directives
    assert "public" not in directives and "private" in directives
    assert 0 <= int(directives["max-age"]) <= MAX_STALE_SECONDS
    assert "s-maxage" not in directives


async def _served_urls(mungmo: RunningApp, owner: Member) -> tuple[str, dict[str, str]]:
    media = (await upload(mungmo, owner, jpeg_with_gps())).json()
    etags: dict[str, str] = {}
    for url in (media["url"], media["thumbnail_url"]):
        served = await mungmo.client.get(url)
        assert served.status_code == 200
        assert_short_private_caching(served)
        etags[url] = served.headers["etag"]
        revalidated = await mungmo.client.get(url, headers={"If-None-Match": etags[url]})
        assert revalidated.status_code == 304
        assert_short_private_caching(revalidated)
    return media["id"], etags


async def _assert_gone(mungmo: RunningApp, etags: dict[str, str]) -> None:
    for url, etag in etags.items():
        # A browser revalidating its cached copy learns the file is gone.
        for headers in ({}, {"If-None-Match": etag}):
            response = await mungmo.client.get(url, headers=headers)
            assert response.status_code == 404, url
            assert response.json()["code"] == "media.not_found"
            assert "immutable" not in response.headers.get("cache-control", "")


async def test_a_deleted_photo_is_no_longer_served_or_revalidated(mungmo: RunningApp) -> None:
    owner = await new_member(mungmo)
    media_id, etags = await _served_urls(mungmo, owner)
    deleted = await mungmo.client.delete(f"/api/v1/media/{media_id}", headers=owner.headers)
    assert deleted.status_code == 204
    await _assert_gone(mungmo, etags)


async def test_an_erased_accounts_photos_are_no_longer_served(mungmo: RunningApp) -> None:
    leaving, staying = await new_member(mungmo), await new_member(mungmo)
    _, etags = await _served_urls(mungmo, leaving)
    _, kept = await _served_urls(mungmo, staying)
    response = await mungmo.client.request(
        "DELETE", "/api/v1/accounts/me", json={"password": PASSWORD}, headers=leaving.headers
    )
    assert response.status_code == 204, response.text

    async def statuses() -> list[int]:
        # The erasure runs from the AccountDeleted event; it settles in one commit.
        return [
            (await mungmo.client.get(url, headers=headers)).status_code
            for url, etag in etags.items()
            for headers in ({}, {"If-None-Match": etag})
        ]

    await eventually(statuses, until=lambda found: set(found) == {404}, timeout=30)
    await _assert_gone(mungmo, etags)
    for url in kept:
        assert (await mungmo.client.get(url)).status_code == 200
