"""The notice board (pinned notices first), the free board and the album: who deletes,
blocks hiding both ways, photos only from their uploader, suspended members' writes."""

import uuid
from datetime import timedelta

from mungmo.contracts.media import MediaUploaded
from mungmo.contracts.member import MemberBlocked
from mungmo.contracts.trust import MemberSuspended
from mungmo.platform.clock import utc_now
from tests.integration.club.driver import ClubDriver, Person


async def _post(clubs: ClubDriver, club_id: str, who: Person, board: str, title: str) -> str:
    made = await clubs.client.post(
        f"/api/v1/clubs/{club_id}/posts",
        json={"board": board, "title": title, "body": "본문"},
        headers=who.headers,
    )
    assert made.status_code == 201, made.text
    return str(made.json()["id"])


async def _upload(clubs: ClubDriver, owner: Person) -> uuid.UUID:
    media_id = uuid.uuid4()
    event = MediaUploaded(
        media_id=media_id,
        owner_id=owner.id,
        kind="image",
        content_type="image/jpeg",
        purpose="club_photo",
        uploaded_at=utc_now(),
    )
    await clubs.publish((event, media_id))
    return media_id


async def test_pinned_notices_come_first_and_authors_delete_their_own(clubs: ClubDriver) -> None:
    owner, manager, member = await clubs.people("공지관리자", "공지매니저", "자유회원")
    club = await clubs.create_club(owner)
    await clubs.make_manager(club["id"], owner, manager)
    await clubs.join(club["id"], member)
    first = await _post(clubs, club["id"], owner, "notice", "첫 공지")
    await _post(clubs, club["id"], manager, "notice", "둘째 공지")
    pinned = await clubs.client.put(
        f"/api/v1/clubs/{club['id']}/posts/{first}/pin",
        json={"pinned": True},
        headers=manager.headers,
    )
    assert pinned.json()["pinned"] is True
    notices = await clubs.client.get(
        f"/api/v1/clubs/{club['id']}/posts", params={"board": "notice"}, headers=member.headers
    )
    assert [p["title"] for p in notices.json()["items"]] == ["첫 공지", "둘째 공지"]
    assert [p["can_delete"] for p in notices.json()["items"]] == [False, False]

    mine = await _post(clubs, club["id"], member, "free", "자유글")
    free_board = await clubs.client.get(
        f"/api/v1/clubs/{club['id']}/posts", params={"board": "free"}, headers=member.headers
    )
    assert [(p["title"], p["can_delete"]) for p in free_board.json()["items"]] == [("자유글", True)]
    deleted = await clubs.client.delete(
        f"/api/v1/clubs/{club['id']}/posts/{mine}", headers=member.headers
    )
    assert deleted.status_code == 204
    not_a_notice = await clubs.client.put(
        f"/api/v1/clubs/{club['id']}/posts/{mine}/pin",
        json={"pinned": True},
        headers=owner.headers,
    )
    assert not_a_notice.status_code == 404


async def test_blocks_hide_posts_and_photos_both_ways(clubs: ClubDriver) -> None:
    owner, blocker, blocked = await clubs.people("차단글관리자", "글차단한", "글차단된")
    club = await clubs.create_club(owner)
    for person in (blocker, blocked):
        await clubs.join(club["id"], person)
    await _post(clubs, club["id"], blocker, "free", "차단한 사람 글")
    await _post(clubs, club["id"], blocked, "free", "차단된 사람 글")
    media_id = await _upload(clubs, blocked)
    added = await clubs.client.post(
        f"/api/v1/clubs/{club['id']}/photos",
        json={"media_id": str(media_id)},
        headers=blocked.headers,
    )
    assert added.status_code == 201
    await clubs.publish(
        (
            MemberBlocked(member_id=blocker.id, blocked_member_id=blocked.id, blocked_at=utc_now()),
            f"{blocker.id}",
        )
    )

    async def titles(person: Person) -> list[str]:
        found = await clubs.client.get(
            f"/api/v1/clubs/{club['id']}/posts", params={"board": "free"}, headers=person.headers
        )
        return [p["title"] for p in found.json()["items"]]

    assert await titles(blocker) == ["차단한 사람 글"]
    assert await titles(blocked) == ["차단된 사람 글"]
    assert await titles(owner) == ["차단된 사람 글", "차단한 사람 글"]
    album = await clubs.client.get(f"/api/v1/clubs/{club['id']}/photos", headers=blocker.headers)
    assert album.json()["items"] == []


async def test_a_photo_is_accepted_only_from_its_uploader(clubs: ClubDriver) -> None:
    owner, other = await clubs.people("사진관리자", "사진회원")
    club = await clubs.create_club(owner)
    await clubs.join(club["id"], other)
    theirs = await _upload(clubs, other)
    refused = await clubs.client.post(
        f"/api/v1/clubs/{club['id']}/photos",
        json={"media_id": str(theirs)},
        headers=owner.headers,
    )
    assert (refused.status_code, refused.json()["code"]) == (422, "club.photo_not_found")
    mine = await _upload(clubs, owner)
    cover = await clubs.client.patch(
        f"/api/v1/clubs/{club['id']}", json={"cover_media_id": str(mine)}, headers=owner.headers
    )
    assert cover.json()["cover_url"] == f"/api/v1/media/{mine}/thumbnail"
    photo = await clubs.client.post(
        f"/api/v1/clubs/{club['id']}/photos",
        json={"media_id": str(theirs), "caption": "산책"},
        headers=other.headers,
    )
    assert photo.status_code == 201
    removed = await clubs.client.delete(
        f"/api/v1/clubs/{club['id']}/photos/{photo.json()['id']}", headers=owner.headers
    )
    assert removed.status_code == 204


async def test_a_suspended_member_reads_but_cannot_write(clubs: ClubDriver) -> None:
    owner, suspended = await clubs.people("정지관리자", "정지회원")
    club = await clubs.create_club(owner)
    await clubs.join(club["id"], suspended)
    now = utc_now()
    await clubs.publish(
        (
            MemberSuspended(
                member_id=suspended.id,
                suspension_id=uuid.uuid4(),
                suspended_at=now,
                ends_at=now + timedelta(days=30),
            ),
            suspended.id,
        )
    )
    deny_list = clubs.app.runtime.deny_list
    assert deny_list is not None
    await deny_list.refresh()
    refused = await clubs.client.post(
        f"/api/v1/clubs/{club['id']}/posts",
        json={"board": "free", "title": "글", "body": "본문"},
        headers=suspended.headers,
    )
    assert (refused.status_code, refused.json()["code"]) == (403, "trust.suspended")
    chat = await clubs.client.post(
        f"/api/v1/clubs/{club['id']}/chat/messages",
        json={"body": "안녕"},
        headers=suspended.headers,
    )
    assert chat.json()["code"] == "trust.suspended"
    reads = await clubs.client.get(
        f"/api/v1/clubs/{club['id']}/posts", params={"board": "free"}, headers=suspended.headers
    )
    assert reads.status_code == 200
