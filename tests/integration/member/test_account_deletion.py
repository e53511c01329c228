"""AccountDeleted: personal data goes, an anonymous tombstone stays, no card."""

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select, text

from mungmo.contracts.identity import AccountDeleted, NicknameChanged
from mungmo.contracts.media import MediaUploaded
from mungmo.member.models import Block, Dog, Friendship, Member, MemberMedia
from tests.support.member_app import Account, MemberApp
from tests.support.onboarding import onboarded_member
from tests.support.polling import eventually


async def _count(app: MemberApp, model: Any, *conditions: Any) -> int:
    async with app.module("member").database.session() as session:
        return int(
            await session.scalar(select(func.count()).select_from(model).where(*conditions)) or 0
        )


async def _delete_account(app: MemberApp, account: Account) -> None:
    event = AccountDeleted(account_id=account.id, deleted_at=datetime.now(UTC))
    await app.publish(event, key=account.id)
    # Delivered twice, as at-least-once delivery may: the second changes nothing.
    await app.publish(event, key=account.id)


async def test_deleting_an_account_erases_the_member(app: MemberApp) -> None:
    gone, gone_headers = await onboarded_member(app)
    friend, friend_headers = await onboarded_member(app)
    _, blocker_headers = await onboarded_member(app)
    photo = await app.announce_upload(gone.id)
    await app.client.patch(
        "/api/v1/members/me",
        json={"birth_year": 1970, "gender": "male", "photo_media_id": str(photo)},
        headers=gone.headers,
    )
    await app.client.post(
        "/api/v1/friends", json={"member_id": str(friend.id)}, headers=gone_headers
    )
    await app.client.post(
        "/api/v1/blocks", json={"member_id": str(gone.id)}, headers=blocker_headers
    )

    await _delete_account(app, gone)

    async def card_status() -> int:
        response = await app.client.get(f"/api/v1/members/{gone.id}", headers=friend_headers)
        return response.status_code

    await eventually(card_status, until=lambda status: status == 404)
    assert (await app.client.get("/api/v1/friends", headers=friend_headers)).json()["items"] == []
    assert (await app.client.get("/api/v1/blocks", headers=blocker_headers)).json()["items"] == []
    assert await _count(app, Dog, Dog.member_id == gone.id) == 0
    assert await _count(app, MemberMedia, MemberMedia.owner_id == gone.id) == 0
    assert await _count(app, Friendship, Friendship.friend_id == gone.id) == 0
    assert await _count(app, Block, Block.blocked_id == gone.id) == 0
    database = app.module("member").database
    async with database.engine.connect() as connection:
        row = (
            await connection.execute(
                text(
                    "SELECT nickname, birth_year, gender, photo_media_id, owner_traits, "
                    "region_code, region_name, deleted_at FROM members WHERE id = :id"
                ),
                {"id": gone.id.hex if database.is_sqlite else str(gone.id)},
            )
        ).one()
    assert row[0] == "탈퇴한 회원"
    assert row[1:4] == (None, None, None) and row[4] in ("[]", [])
    assert row[5] is None and row[6] is None and row[7] is not None
    # Their own session (if identity had not revoked it) finds nothing either.
    me = await app.client.get("/api/v1/members/me", headers=gone.headers)
    assert me.status_code == 404
    # Nobody can befriend or block the tombstone.
    friend_again = await app.client.post(
        "/api/v1/friends", json={"member_id": str(gone.id)}, headers=friend_headers
    )
    assert friend_again.status_code == 404


async def test_later_events_about_a_deleted_member_change_nothing(app: MemberApp) -> None:
    gone = await app.sign_up()
    await _delete_account(app, gone)

    async def erased() -> bool:
        response = await app.client.get("/api/v1/members/me", headers=gone.headers)
        return response.status_code == 404

    await eventually(erased)
    renamed = await app.publish(
        NicknameChanged(account_id=gone.id, nickname="되살아남", changed_at=datetime.now(UTC)),
        key=gone.id,
    )
    media_id = uuid.uuid4()
    uploaded = await app.publish(
        MediaUploaded(
            media_id=media_id,
            owner_id=gone.id,
            kind="image",
            content_type="image/webp",
            purpose="profile",
            uploaded_at=datetime.now(UTC),
        ),
        key=media_id,
    )
    await app.handled(renamed)
    await app.handled(uploaded)
    assert await _count(app, MemberMedia, MemberMedia.owner_id == gone.id) == 0
    async with app.module("member").database.session() as session:
        names = await session.scalars(select(Member.nickname).where(Member.id == gone.id))
        assert list(names) == ["탈퇴한 회원"]
