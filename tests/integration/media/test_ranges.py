"""HTTP Range on media files, so a <video> can start anywhere and seek (RFC 9110)."""

from dataclasses import dataclass

import pytest

from tests.integration.media.uploads import new_member, upload
from tests.support.app import RunningApp
from tests.unit.media.clips import mp4_with_location


@dataclass(frozen=True)
class StoredVideo:
    url: str
    whole: bytes
    etag: str
    # The uploader's: evidence files may be served to the owner (and admins) only.
    headers: dict[str, str]

    def asking(self, extra: dict[str, str]) -> dict[str, str]:
        return {**self.headers, **extra}


@pytest.fixture
async def video(mungmo: RunningApp) -> StoredVideo:
    """A stored video: its URL, whole bytes and ETag, and its owner's headers."""
    member = await new_member(mungmo)
    media = (await upload(mungmo, member, mp4_with_location(), purpose="report_evidence")).json()
    whole = await mungmo.client.get(media["url"], headers=member.headers)
    return StoredVideo(media["url"], whole.content, whole.headers["etag"], member.headers)


async def test_one_range_is_sent_as_206_partial_content(
    mungmo: RunningApp, video: StoredVideo
) -> None:
    url, whole, etag = video.url, video.whole, video.etag
    size = len(whole)
    cases = {
        "bytes=0-99": (0, 99),
        "bytes=100-": (100, size - 1),
        "bytes=-50": (size - 50, size - 1),
        "bytes=0-": (0, size - 1),  # what a browser's <video> asks first
        f"bytes=10-{size + 500}": (10, size - 1),  # an end past the file is cut
    }
    for header, (first, last) in cases.items():
        part = await mungmo.client.get(url, headers=video.asking({"Range": header}))
        assert part.status_code == 206, header
        assert part.headers["content-range"] == f"bytes {first}-{last}/{size}"
        assert part.headers["content-type"] == "video/mp4"
        assert part.headers["accept-ranges"] == "bytes"
        assert part.headers["etag"] == etag
        assert int(part.headers["content-length"]) == last - first + 1
        assert part.content == whole[first : last + 1]


async def test_a_range_outside_the_file_is_416_with_the_size(
    mungmo: RunningApp, video: StoredVideo
) -> None:
    url, whole = video.url, video.whole
    for header in (f"bytes={len(whole)}-", "bytes=-0"):
        refused = await mungmo.client.get(url, headers=video.asking({"Range": header}))
        assert refused.status_code == 416
        assert refused.headers["content-type"] == "application/problem+json"
        assert refused.json()["code"] == "media.range_not_satisfiable"
        assert refused.headers["content-range"] == f"bytes */{len(whole)}"


async def test_ranges_it_does_not_serve_get_the_whole_file(
    mungmo: RunningApp, video: StoredVideo
) -> None:
    url, whole = video.url, video.whole
    for header in ("bytes=0-9,20-29", "bytes=50-10", "items=0-9", "bytes=x-y", "bytes=-"):
        response = await mungmo.client.get(url, headers=video.asking({"Range": header}))
        assert response.status_code == 200, header
        assert response.content == whole


async def test_if_range_and_if_none_match_decide_before_the_range(
    mungmo: RunningApp, video: StoredVideo
) -> None:
    url, whole, etag = video.url, video.whole, video.etag
    same = await mungmo.client.get(
        url, headers=video.asking({"Range": "bytes=0-9", "If-Range": etag})
    )
    assert same.status_code == 206
    assert same.content == whole[:10]
    changed = await mungmo.client.get(
        url, headers=video.asking({"Range": "bytes=0-9", "If-Range": '"old"'})
    )
    assert changed.status_code == 200
    assert changed.content == whole
    cached = await mungmo.client.get(
        url, headers=video.asking({"Range": "bytes=0-9", "If-None-Match": etag})
    )
    assert cached.status_code == 304


async def test_the_poster_and_thumbnail_answer_ranges_too(mungmo: RunningApp) -> None:
    member = await new_member(mungmo)
    media = (await upload(mungmo, member, mp4_with_location(), purpose="report_evidence")).json()
    for url in (media["poster_url"], media["thumbnail_url"]):
        whole = (await mungmo.client.get(url, headers=member.headers)).content
        part = await mungmo.client.get(url, headers={**member.headers, "Range": "bytes=2-5"})
        assert part.status_code == 206
        assert part.headers["content-range"] == f"bytes 2-5/{len(whole)}"
        assert part.content == whole[2:6]


async def test_an_unknown_id_is_404_for_ranges_too(mungmo: RunningApp, video: StoredVideo) -> None:
    url = video.url
    other = url.replace(url.split("/")[4], "00000000-0000-4000-8000-000000000000")
    missing = await mungmo.client.get(other, headers=video.asking({"Range": "bytes=0-9"}))
    assert missing.status_code == 404
    assert missing.json()["code"] == "media.not_found"
