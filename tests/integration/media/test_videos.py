"""Uploading videos through the HTTP API: accepted by content (MP4, MOV, WebM), stored
without metadata with a poster and a duration, refused with nothing stored, and served
under the same access rules as photos."""

import json

from mungmo.media.adapters import VideoProcessor
from mungmo.media.service import MediaLibrary, MediaPolicy
from tests.integration.media.uploads import new_member, outbox_rows, stored_files, upload
from tests.support.app import RunningApp
from tests.unit.media.clips import (
    LOCATION,
    TITLE,
    avi_clip,
    clip,
    metadata_of,
    mkv_clip,
    mov_with_location,
    mp4_with_location,
    mpeg4_part2_in_mp4,
    webm_clip,
)
from tests.unit.media.pictures import jpeg_with_gps, text_file

EVIDENCE = "report_evidence"


def library_of(mungmo: RunningApp) -> MediaLibrary:
    library: MediaLibrary = mungmo.app.state.dependencies[MediaLibrary]
    return library


async def test_an_mp4_with_a_location_is_stored_without_it_with_a_poster(
    mungmo: RunningApp,
) -> None:
    member = await new_member(mungmo)
    response = await upload(
        mungmo, member, mp4_with_location(), purpose=EVIDENCE, filename="walk.mp4"
    )
    assert response.status_code == 201, response.text
    media = response.json()
    assert media["kind"] == "video"
    assert media["content_type"] == "video/mp4"
    assert (media["width"], media["height"]) == (64, 48)
    assert 400 <= media["duration_ms"] <= 700
    assert media["poster_url"] == f"/api/v1/media/{media['id']}/poster"

    # With the owner's token: evidence files are private to the owner and administrators.
    served = await mungmo.client.get(media["url"], headers=member.headers)
    assert served.status_code == 200
    assert served.headers["content-type"] == "video/mp4"
    assert served.headers["accept-ranges"] == "bytes"
    assert len(served.content) == media["byte_size"]
    everything = json.dumps(metadata_of(served.content), ensure_ascii=False)
    assert LOCATION not in everything and TITLE not in everything
    assert LOCATION.encode() not in served.content

    poster = await mungmo.client.get(media["poster_url"], headers=member.headers)
    assert poster.status_code == 200
    assert poster.headers["content-type"] == "image/jpeg"
    thumbnail = await mungmo.client.get(media["thumbnail_url"], headers=member.headers)
    assert thumbnail.headers["content-type"] == "image/webp"
    # Original, thumbnail and poster.
    assert len(stored_files(mungmo)) == 3


async def test_mov_and_webm_are_accepted_by_content_whatever_their_name(
    mungmo: RunningApp,
) -> None:
    member = await new_member(mungmo)
    for data, stored_as in ((mov_with_location(), "video/mp4"), (webm_clip(), "video/webm")):
        response = await upload(
            mungmo, member, data, purpose=EVIDENCE, filename="x.txt", content_type="text/plain"
        )
        assert response.status_code == 201, response.text
        media = response.json()
        assert media["content_type"] == stored_as
        assert media["duration_ms"] >= 400
        served = await mungmo.client.get(media["url"], headers=member.headers)
        assert served.headers["content-type"] == stored_as
        assert TITLE not in json.dumps(metadata_of(served.content), ensure_ascii=False)


async def test_the_event_carries_the_duration_and_the_poster(mungmo: RunningApp) -> None:
    member = await new_member(mungmo)
    media = (await upload(mungmo, member, webm_clip(), purpose=EVIDENCE)).json()
    (row,) = await outbox_rows(mungmo, "media.MediaUploaded")
    payload = json.loads(str(row["payload"]))
    assert payload["kind"] == "video"
    assert payload["content_type"] == "video/webm"
    assert payload["purpose"] == EVIDENCE
    assert payload["duration_ms"] == media["duration_ms"]
    assert payload["poster_url"] == media["poster_url"]


async def test_other_files_are_refused_with_problems_and_nothing_is_stored(
    mungmo: RunningApp,
) -> None:
    member = await new_member(mungmo)
    refusals = [
        (avi_clip(), "media.unsupported_type"),
        (mkv_clip(), "media.unsupported_type"),
        (text_file(), "media.unsupported_type"),  # named .mp4 below
        (mp4_with_location()[:800], "media.unsupported_type"),
        (mpeg4_part2_in_mp4(), "media.unsupported_video_codec"),
    ]
    for data, code in refusals:
        response = await upload(
            mungmo, member, data, purpose=EVIDENCE, filename="dog.mp4", content_type="video/mp4"
        )
        assert response.status_code == 415, response.text
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["code"] == code
    # A profile photo cannot be a video.
    photo = await upload(mungmo, member, mp4_with_location(), purpose="profile_photo")
    assert photo.status_code == 415
    assert "JPEG, PNG, WebP or GIF" in photo.json()["detail"]
    assert stored_files(mungmo) == []
    assert await outbox_rows(mungmo, "media.MediaUploaded") == []


async def test_too_long_and_too_large_videos_are_refused(mungmo: RunningApp) -> None:
    member = await new_member(mungmo)
    library = library_of(mungmo)
    # 50 MiB by default: refused before anything is decoded.
    padded = mp4_with_location() + b"\0" * (50 * 1024 * 1024)
    too_big = await upload(mungmo, member, padded, purpose=EVIDENCE)
    assert too_big.status_code == 413
    assert too_big.json()["code"] == "media.too_large"
    assert "52,428,800" in too_big.json()["detail"]

    library.videos = VideoProcessor(
        max_pixels=8_294_400, max_seconds=1, poster_edge=1280, thumbnail_edge=320
    )
    too_long = await upload(mungmo, member, clip(seconds=2, rate=5), purpose=EVIDENCE)
    assert too_long.status_code == 422
    assert too_long.json()["code"] == "media.video_too_long"
    library.policy = MediaPolicy(max_image_bytes=10 * 1024 * 1024, max_video_bytes=1000)
    small_limit = await upload(mungmo, member, webm_clip(), purpose=EVIDENCE)
    assert small_limit.status_code == 413
    # Photos keep their own limit.
    assert (await upload(mungmo, member, jpeg_with_gps(), purpose=EVIDENCE)).status_code == 201
    assert len(stored_files(mungmo)) == 2


async def test_access_rules_are_those_of_photos(mungmo: RunningApp) -> None:
    owner, other = await new_member(mungmo), await new_member(mungmo)
    media = (await upload(mungmo, owner, webm_clip(), purpose=EVIDENCE)).json()
    # The metadata needs a login; the owner is never shown.
    assert (await mungmo.client.get(f"/api/v1/media/{media['id']}")).status_code == 401
    seen = await mungmo.client.get(f"/api/v1/media/{media['id']}", headers=other.headers)
    assert seen.json() == media
    assert owner.id not in seen.text
    # Only the uploader deletes, and every file goes with it.
    refused = await mungmo.client.delete(f"/api/v1/media/{media['id']}", headers=other.headers)
    assert refused.status_code == 403
    assert refused.json()["code"] == "media.not_owner"
    deleted = await mungmo.client.delete(f"/api/v1/media/{media['id']}", headers=owner.headers)
    assert deleted.status_code == 204
    for url in (media["url"], media["thumbnail_url"], media["poster_url"]):
        assert (await mungmo.client.get(url)).status_code == 404
    assert stored_files(mungmo) == []


async def test_an_image_has_no_poster(mungmo: RunningApp) -> None:
    member = await new_member(mungmo)
    media = (await upload(mungmo, member, jpeg_with_gps(), purpose=EVIDENCE)).json()
    poster = await mungmo.client.get(f"/api/v1/media/{media['id']}/poster", headers=member.headers)
    assert poster.status_code == 404
    assert poster.json()["code"] == "media.not_found"
