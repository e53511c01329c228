"""Report evidence is private in media too: its files and metadata answer only the
uploader's and administrators' tokens, and an administrator opens a reporter's
evidence from the moderation queue. Other uploads stay served to anyone."""

import uuid
from typing import Any

import httpx

from tests.integration.media.uploads import Member, new_member, upload
from tests.support.accounts import make_admin
from tests.support.app import RunningApp
from tests.support.polling import eventually
from tests.support.stack import Stack
from tests.support.trust_app import TrustDriver
from tests.unit.media.clips import clip
from tests.unit.media.pictures import encoded, two_colour


async def _admin(mungmo: RunningApp) -> Member:
    account = await mungmo.sign_up()
    await make_admin(mungmo, account["id"])
    return Member(id=account["id"], token=await mungmo.log_in(account["email"]))


async def _uploaded(
    mungmo: RunningApp, member: Member, data: bytes, **kwargs: Any
) -> dict[str, Any]:
    response = await upload(mungmo, member, data, **kwargs)
    assert response.status_code == 201, response.text
    found: dict[str, Any] = response.json()
    return found


async def _statuses(
    mungmo: RunningApp, media: dict[str, Any], headers: dict[str, str]
) -> list[int]:
    paths = [f"/api/v1/media/{media['id']}", media["url"], media["thumbnail_url"]]
    if media["poster_url"]:
        paths.append(media["poster_url"])
    return [(await mungmo.client.get(path, headers=headers)).status_code for path in paths]


async def test_evidence_files_answer_only_the_uploader_and_admins(mungmo: RunningApp) -> None:
    reporter, stranger, admin = (
        await new_member(mungmo),
        await new_member(mungmo),
        await _admin(mungmo),
    )
    photo = await _uploaded(
        mungmo, reporter, encoded(two_colour(64, 48), "JPEG"), purpose="report_evidence"
    )
    video = await _uploaded(
        mungmo,
        reporter,
        clip(),
        purpose="report_evidence",
        filename="clip.mp4",
        content_type="video/mp4",
    )
    for media in (photo, video):
        assert set(await _statuses(mungmo, media, reporter.headers)) == {200}
        assert set(await _statuses(mungmo, media, admin.headers)) == {200}
        # Anyone else: as if the file did not exist (metadata needs a token: 401 without).
        assert set(await _statuses(mungmo, media, stranger.headers)) == {404}
        anonymous = await _statuses(mungmo, media, {})
        assert anonymous[0] == 401 and set(anonymous[1:]) == {404}
    ranged = await mungmo.client.get(video["url"], headers={**admin.headers, "Range": "bytes=0-99"})
    assert ranged.status_code == 206
    # A profile photo is still served to anyone holding its URL.
    public = await _uploaded(mungmo, reporter, encoded(two_colour(64, 48), "JPEG"))
    assert (await mungmo.client.get(public["url"])).status_code == 200


async def test_an_admin_opens_a_reporters_evidence_from_the_queue(
    mungmo: RunningApp, stack: Stack
) -> None:
    driver = TrustDriver(mungmo, stack.topic_prefix)
    reporter, reported, admin = (
        await new_member(mungmo),
        await new_member(mungmo),
        await _admin(mungmo),
    )
    photo = await _uploaded(
        mungmo, reporter, encoded(two_colour(64, 48), "JPEG"), purpose="report_evidence"
    )
    body = {
        "reported_member_id": reported.id,
        "report_type": "dog",
        "description": "목줄 없이 다가와서 물었어요.",
        "evidence_media_ids": [photo["id"]],
    }
    reporter_headers = driver.headers(uuid.UUID(reporter.id))  # onboarded, as identity signs

    async def file() -> httpx.Response:
        return await mungmo.client.post("/api/v1/reports", json=body, headers=reporter_headers)

    # Trust learns the account and the upload from their events.
    filed = await eventually(file, until=lambda response: response.status_code == 201)
    report = filed.json()
    detail = await mungmo.client.get(f"/api/v1/admin/reports/{report['id']}", headers=admin.headers)
    (evidence,) = detail.json()["evidence"]
    assert evidence["media_id"] == photo["id"] and evidence["kind"] == "image"
    assert (await mungmo.client.get(evidence["url"], headers=admin.headers)).status_code == 200
    # The reported member sees neither the report nor its files.
    reported_headers = driver.headers(uuid.UUID(reported.id))
    hidden = await mungmo.client.get(f"/api/v1/reports/{report['id']}", headers=reported_headers)
    assert hidden.status_code == 404
    assert (await mungmo.client.get(evidence["url"], headers=reported_headers)).status_code == 404
