"""Deleting a photo: only its uploader, files gone, races settle on one winner."""

import asyncio

from tests.integration.media.uploads import new_member, stored_files, upload
from tests.support.app import RunningApp
from tests.unit.media.pictures import jpeg_with_gps


async def test_another_member_cannot_delete_your_photo(mungmo: RunningApp) -> None:
    owner, other = await new_member(mungmo), await new_member(mungmo)
    media = (await upload(mungmo, owner, jpeg_with_gps())).json()
    response = await mungmo.client.delete(f"/api/v1/media/{media['id']}", headers=other.headers)
    assert response.status_code == 403
    assert response.json()["code"] == "media.not_owner"
    assert (await mungmo.client.get(media["url"])).status_code == 200
    assert len(stored_files(mungmo)) == 2


async def test_deleting_needs_a_login(mungmo: RunningApp) -> None:
    owner = await new_member(mungmo)
    media = (await upload(mungmo, owner, jpeg_with_gps())).json()
    response = await mungmo.client.delete(f"/api/v1/media/{media['id']}")
    assert response.status_code == 401
    assert (await mungmo.client.get(media["url"])).status_code == 200


async def test_the_owner_deletes_a_photo_and_its_files(mungmo: RunningApp) -> None:
    owner = await new_member(mungmo)
    kept = (await upload(mungmo, owner, jpeg_with_gps())).json()
    media = (await upload(mungmo, owner, jpeg_with_gps())).json()
    assert len(stored_files(mungmo)) == 4
    response = await mungmo.client.delete(f"/api/v1/media/{media['id']}", headers=owner.headers)
    assert response.status_code == 204
    for url in (media["url"], media["thumbnail_url"]):
        assert (await mungmo.client.get(url)).status_code == 404
    metadata = await mungmo.client.get(f"/api/v1/media/{media['id']}", headers=owner.headers)
    assert metadata.status_code == 404
    assert all(media["id"] not in str(path) for path in stored_files(mungmo))
    assert len(stored_files(mungmo)) == 2
    assert (await mungmo.client.get(kept["url"])).status_code == 200
    again = await mungmo.client.delete(f"/api/v1/media/{media['id']}", headers=owner.headers)
    assert again.status_code == 404
    assert again.json()["code"] == "media.not_found"


async def test_two_deletes_at_once_succeed_once(mungmo: RunningApp) -> None:
    owner = await new_member(mungmo)
    media = (await upload(mungmo, owner, jpeg_with_gps())).json()
    url = f"/api/v1/media/{media['id']}"
    first, second = await asyncio.gather(
        mungmo.client.delete(url, headers=owner.headers),
        mungmo.client.delete(url, headers=owner.headers),
    )
    assert sorted([first.status_code, second.status_code]) == [204, 404]
    assert stored_files(mungmo) == []
