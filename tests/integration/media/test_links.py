"""Other services link to media only through what media publishes (contracts.media):
the photo URLs in a member's profile are the ones media itself answers and serves."""

import uuid

import httpx

from mungmo.contracts.media import media_urls
from tests.integration.media.uploads import new_member, upload
from tests.support.app import RunningApp
from tests.support.polling import eventually
from tests.unit.media.pictures import jpeg_with_gps


async def test_a_profile_photo_links_to_the_files_media_serves(mungmo: RunningApp) -> None:
    member = await new_member(mungmo)
    media = (await upload(mungmo, member, jpeg_with_gps(), purpose="profile_photo")).json()
    urls = media_urls(uuid.UUID(media["id"]))
    assert (media["url"], media["thumbnail_url"]) == (urls.file, urls.thumbnail)

    async def use_as_photo() -> httpx.Response:
        # Member accepts the photo once MediaUploaded has reached it.
        return await mungmo.client.patch(
            "/api/v1/members/me", json={"photo_media_id": media["id"]}, headers=member.headers
        )

    profile = (await eventually(use_as_photo, until=lambda r: r.status_code == 200)).json()
    assert profile["photo_url"] == urls.file
    assert profile["photo_thumbnail_url"] == urls.thumbnail
    for url in (profile["photo_url"], profile["photo_thumbnail_url"]):
        served = await mungmo.client.get(url)
        assert served.status_code == 200, url
        assert served.headers["content-type"].startswith("image/")
