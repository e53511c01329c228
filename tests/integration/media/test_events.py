"""MediaUploaded leaves through the outbox; AccountDeleted erases the owner's media."""

import asyncio
import json
import uuid

from sqlalchemy import func, select

from mungmo.media.models import ErasedOwner, Media
from tests.integration.media.uploads import (
    Member,
    media_module,
    new_member,
    outbox_rows,
    stored_files,
    upload,
)
from tests.support.app import RunningApp
from tests.support.builders import PASSWORD
from tests.support.polling import eventually
from tests.unit.media.pictures import jpeg_with_gps


async def test_an_upload_puts_media_uploaded_in_the_outbox_and_it_is_published(
    mungmo: RunningApp,
) -> None:
    member = await new_member(mungmo)
    media = (await upload(mungmo, member, jpeg_with_gps(), purpose="dog_photo")).json()
    (row,) = await outbox_rows(mungmo, "media.MediaUploaded")
    assert row["event_key"] == media["id"]
    assert str(row["topic"]).endswith("mungmo.media.media")
    assert json.loads(str(row["payload"])) == {
        "media_id": media["id"],
        "owner_id": member.id,
        "kind": "image",
        "content_type": "image/jpeg",
        "purpose": "dog_photo",
        "uploaded_at": media["created_at"].replace("+00:00", "Z"),
        "duration_ms": None,
        "poster_url": None,
    }
    published = await eventually(
        lambda: outbox_rows(mungmo, "media.MediaUploaded"),
        until=lambda rows: rows[0]["published_at"] is not None,
    )
    assert len(published) == 1


async def _account_deleted(mungmo: RunningApp, member: Member) -> None:
    """The member deletes their account; identity publishes AccountDeleted."""
    response = await mungmo.client.request(
        "DELETE", "/api/v1/accounts/me", json={"password": PASSWORD}, headers=member.headers
    )
    assert response.status_code == 204, response.text


async def test_account_deleted_erases_the_owners_files_and_rows(mungmo: RunningApp) -> None:
    leaving, staying = await new_member(mungmo), await new_member(mungmo)
    gone = [(await upload(mungmo, leaving, jpeg_with_gps())).json() for _ in range(3)]
    kept = (await upload(mungmo, staying, jpeg_with_gps())).json()
    assert len(stored_files(mungmo)) == 8

    await _account_deleted(mungmo, leaving)

    async def files_left() -> int:
        return len(stored_files(mungmo))

    await eventually(files_left, until=lambda n: n == 2)
    for media in gone:
        assert (await mungmo.client.get(media["url"])).status_code == 404
        read = await mungmo.client.get(f"/api/v1/media/{media['id']}", headers=staying.headers)
        assert read.status_code == 404
    assert (await mungmo.client.get(kept["url"])).status_code == 200
    assert all(kept["id"] in str(path) for path in stored_files(mungmo))


async def test_a_deleted_accounts_leftover_token_cannot_upload(mungmo: RunningApp) -> None:
    leaving = await new_member(mungmo)
    await _account_deleted(mungmo, leaving)
    await eventually(lambda: _erased(mungmo, leaving.id), until=bool)
    # Access tokens live a few minutes after the account is gone.
    refused = await upload(mungmo, leaving, jpeg_with_gps())
    assert refused.status_code == 403
    assert refused.json()["code"] == "media.account_deleted"
    assert stored_files(mungmo) == []


async def _erased(mungmo: RunningApp, account_id: str) -> bool:
    database = media_module(mungmo).database
    async with database.session() as session:
        found = await session.get(ErasedOwner, uuid.UUID(account_id))
        return found is not None


async def test_erasing_an_account_without_media_is_harmless(mungmo: RunningApp) -> None:
    member: Member = await new_member(mungmo)
    other = await new_member(mungmo)
    kept = (await upload(mungmo, other, jpeg_with_gps())).json()
    await _account_deleted(mungmo, member)
    await eventually(lambda: _erased(mungmo, member.id), until=bool)
    assert (await mungmo.client.get(kept["url"])).status_code == 200


async def test_uploads_racing_the_erasure_leave_nothing_behind(mungmo: RunningApp) -> None:
    leaving = await new_member(mungmo)
    photo = jpeg_with_gps(320, 240)
    results = await asyncio.gather(
        *[upload(mungmo, leaving, photo) for _ in range(6)],
        _account_deleted(mungmo, leaving),
        *[upload(mungmo, leaving, photo) for _ in range(6)],
    )
    statuses = [r.status_code for r in results if r is not None]
    assert set(statuses) <= {201, 403}
    await eventually(lambda: _erased(mungmo, leaving.id), until=bool)
    assert await _owned_rows(mungmo, leaving.id) == 0
    assert stored_files(mungmo) == []


async def _owned_rows(mungmo: RunningApp, account_id: str) -> int:
    database = media_module(mungmo).database
    async with database.session() as session:
        count = await session.scalar(
            select(func.count()).select_from(Media).where(Media.owner_id == uuid.UUID(account_id))
        )
        return int(count or 0)
