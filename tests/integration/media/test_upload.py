"""Uploading photos through the HTTP API: checks by content, metadata stripped,
thumbnails, serving with cache headers, limits and authentication."""

import asyncio
import io
import uuid

from PIL import ExifTags, Image

from mungmo.media.service import MediaLibrary
from mungmo.platform.ratelimit import RateLimiter
from tests.integration.media.uploads import (
    Member,
    new_member,
    outbox_rows,
    stored_files,
    upload,
)
from tests.support.app import RunningApp
from tests.unit.media.pictures import (
    BLUE,
    RED,
    animated_gif,
    encoded,
    jpeg_with_gps,
    png_claiming_size,
    text_file,
    two_colour,
)

MEDIA_READ_FIELDS = {
    "id",
    "kind",
    "content_type",
    "width",
    "height",
    "byte_size",
    "url",
    "thumbnail_url",
    "poster_url",
    "duration_ms",
    "created_at",
}


def near(colour: tuple[int, ...], expected: tuple[int, int, int]) -> bool:
    return all(abs(a - b) < 40 for a, b in zip(colour[:3], expected, strict=True))


def assert_clean(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    exif = image.getexif()
    assert dict(exif) == {}
    assert exif.get_ifd(ExifTags.IFD.GPSInfo) == {}
    assert b"Exif" not in data
    assert b"MungCam" not in data
    assert {"exif", "icc_profile", "comment", "xmp"}.isdisjoint(image.info)
    return image


async def test_a_photo_with_gps_is_served_without_any_metadata(mungmo: RunningApp) -> None:
    member = await new_member(mungmo)
    # Taken sideways at 1600×1200 with orientation 6: upright it is 1200×1600.
    response = await upload(mungmo, member, jpeg_with_gps(1600, 1200, orientation=6))
    assert response.status_code == 201, response.text
    media = response.json()
    assert set(media) == MEDIA_READ_FIELDS
    assert media["kind"] == "image"
    assert media["content_type"] == "image/jpeg"
    assert (media["width"], media["height"]) == (1200, 1600)
    assert media["url"] == f"/api/v1/media/{media['id']}/file"
    assert media["thumbnail_url"] == f"/api/v1/media/{media['id']}/thumbnail"
    assert media["poster_url"] is None
    assert media["duration_ms"] is None

    original = await mungmo.client.get(media["url"])
    assert original.status_code == 200
    assert original.headers["content-type"] == "image/jpeg"
    assert len(original.content) == media["byte_size"]
    image = assert_clean(original.content).convert("RGB")
    assert image.size == (1200, 1600)
    assert near(image.getpixel((600, 100)), RED)  # the left half turned to the top
    assert near(image.getpixel((600, 1500)), BLUE)

    thumbnail = await mungmo.client.get(media["thumbnail_url"])
    assert thumbnail.status_code == 200
    assert thumbnail.headers["content-type"] == "image/webp"
    small = assert_clean(thumbnail.content)
    assert small.size == (240, 320)


async def test_files_are_served_to_img_tags_with_revalidated_cache_headers(
    mungmo: RunningApp,
) -> None:
    member = await new_member(mungmo)
    media = (await upload(mungmo, member, jpeg_with_gps())).json()
    for url in (media["url"], media["thumbnail_url"]):
        # No Authorization header: an <img src> cannot send one.
        served = await mungmo.client.get(url)
        assert served.status_code == 200
        # Short and private: a deleted photo must not live on in caches for long.
        assert served.headers["cache-control"] == "private, max-age=60, must-revalidate"
        assert served.headers["x-content-type-options"] == "nosniff"
        etag = served.headers["etag"]
        assert etag.startswith('"') and etag.endswith('"')
        again = await mungmo.client.get(url, headers={"If-None-Match": etag})
        assert again.status_code == 304
        assert again.content == b""
        assert again.headers["etag"] == etag
        stale = await mungmo.client.get(url, headers={"If-None-Match": '"something-else"'})
        assert stale.status_code == 200


async def test_png_webp_and_gif_are_accepted_by_content(mungmo: RunningApp) -> None:
    member = await new_member(mungmo)
    cases = [
        (encoded(two_colour(80, 60, "RGBA"), "PNG"), "image/png"),
        (encoded(two_colour(80, 60), "WEBP"), "image/webp"),
        (animated_gif(), "image/png"),  # the first frame
    ]
    for data, stored_as in cases:
        # The name and declared type are wrong on purpose: only the bytes count.
        response = await upload(
            mungmo, member, data, purpose="dog_photo", filename="x.txt", content_type="text/plain"
        )
        assert response.status_code == 201, response.text
        assert response.json()["content_type"] == stored_as


async def test_a_text_file_named_jpg_is_refused_and_nothing_is_stored(
    mungmo: RunningApp,
) -> None:
    member = await new_member(mungmo)
    response = await upload(mungmo, member, text_file(), filename="dog.jpg")
    assert response.status_code == 415
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["code"] == "media.unsupported_type"
    broken = await upload(mungmo, member, b"\xff\xd8\xff\xe0" + b"junk" * 500)
    assert broken.status_code == 415
    assert broken.json()["code"] == "media.unsupported_type"
    assert stored_files(mungmo) == []
    assert await outbox_rows(mungmo, "media.MediaUploaded") == []


async def test_a_file_over_10_mib_is_refused_with_413(mungmo: RunningApp) -> None:
    member = await new_member(mungmo)
    too_big = jpeg_with_gps() + b"\0" * (10 * 1024 * 1024)
    response = await upload(mungmo, member, too_big)
    assert response.status_code == 413
    assert response.json()["code"] == "media.too_large"
    # Over the largest limit (a 50 MiB video) the platform stops reading the body at all.
    huge = await upload(mungmo, member, b"\0" * (51 * 1024 * 1024))
    assert huge.status_code == 413
    assert huge.json()["code"] == "request.too_large"
    assert stored_files(mungmo) == []


async def test_the_bigger_upload_limit_applies_to_media_paths_only(mungmo: RunningApp) -> None:
    two_mib = {"email": "a@example.com", "password": "x" * (2 * 1024 * 1024), "nickname": "n"}
    response = await mungmo.client.post("/api/v1/accounts", json=two_mib)
    assert response.status_code == 413
    assert response.json()["code"] == "request.too_large"


async def test_an_image_with_too_many_pixels_is_refused_with_422(mungmo: RunningApp) -> None:
    member = await new_member(mungmo)
    for width, height in ((8000, 6000), (60_000, 60_000)):
        response = await upload(mungmo, member, png_claiming_size(width, height))
        assert response.status_code == 422
        assert response.json()["code"] == "media.image_too_large"
    assert stored_files(mungmo) == []


async def test_uploading_needs_a_login(mungmo: RunningApp) -> None:
    response = await upload(mungmo, None, jpeg_with_gps())
    assert response.status_code == 401
    assert response.json()["code"] == "auth.unauthenticated"
    bad_token = await upload(mungmo, Member(id="x", token="not-a-token"), jpeg_with_gps())
    assert bad_token.status_code == 401
    assert stored_files(mungmo) == []


async def test_accounts_still_in_onboarding_can_upload(mungmo: RunningApp) -> None:
    # A fresh account has no "onb" claim yet: onboarding itself needs photos.
    member = await new_member(mungmo)
    response = await upload(mungmo, member, jpeg_with_gps(), purpose="dog_photo")
    assert response.status_code == 201, response.text


async def test_unknown_purposes_and_missing_files_are_validation_problems(
    mungmo: RunningApp,
) -> None:
    member = await new_member(mungmo)
    wrong = await upload(mungmo, member, jpeg_with_gps(), purpose="post_video")
    assert wrong.status_code == 422
    assert wrong.json()["errors"][0]["field"] == "purpose"
    missing = await mungmo.client.post(
        "/api/v1/media", data={"purpose": "dog_photo"}, headers=member.headers
    )
    assert missing.status_code == 422
    assert missing.json()["errors"][0] == {
        "field": "file",
        "code": "validation.required",
        "message": "Field required",
    }
    assert stored_files(mungmo) == []


async def test_any_logged_in_account_reads_the_metadata_but_not_the_owner(
    mungmo: RunningApp,
) -> None:
    owner, other = await new_member(mungmo), await new_member(mungmo)
    media = (await upload(mungmo, owner, jpeg_with_gps())).json()
    seen = await mungmo.client.get(f"/api/v1/media/{media['id']}", headers=other.headers)
    assert seen.status_code == 200
    assert seen.json() == media
    assert owner.id not in seen.text
    anonymous = await mungmo.client.get(f"/api/v1/media/{media['id']}")
    assert anonymous.status_code == 401


async def test_unknown_ids_are_404_problems(mungmo: RunningApp) -> None:
    member = await new_member(mungmo)
    unknown = uuid.uuid4()
    for url, headers in (
        (f"/api/v1/media/{unknown}", member.headers),
        (f"/api/v1/media/{unknown}/file", {}),
        (f"/api/v1/media/{unknown}/thumbnail", {}),
    ):
        response = await mungmo.client.get(url, headers=headers)
        assert response.status_code == 404
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["code"] == "media.not_found"
        assert "immutable" not in response.headers.get("cache-control", "")


async def test_uploads_are_rate_limited_per_account(mungmo: RunningApp) -> None:
    busy, calm = await new_member(mungmo), await new_member(mungmo)
    # The limiter's clock stands still, so slow machines do not earn extra uploads.
    library: MediaLibrary = mungmo.app.state.dependencies[MediaLibrary]
    library.uploads_per_account = RateLimiter(30, 60, now=lambda: 1000.0)
    tiny = encoded(two_colour(4, 4), "PNG")
    for _ in range(30):
        response = await upload(mungmo, busy, tiny)
        assert response.status_code == 201, response.text
    limited = await upload(mungmo, busy, tiny)
    assert limited.status_code == 429
    assert limited.json()["code"] == "rate_limited"
    assert int(limited.headers["retry-after"]) >= 1
    assert (await upload(mungmo, calm, tiny)).status_code == 201


async def test_concurrent_uploads_each_get_their_own_id_and_files(mungmo: RunningApp) -> None:
    member = await new_member(mungmo)
    responses = await asyncio.gather(
        *[upload(mungmo, member, jpeg_with_gps(200 + n, 100)) for n in range(8)]
    )
    assert [r.status_code for r in responses] == [201] * 8
    ids = {r.json()["id"] for r in responses}
    assert len(ids) == 8
    assert len(stored_files(mungmo)) == 16
    widths = sorted(r.json()["width"] for r in responses)
    assert widths == [200 + n for n in range(8)]
