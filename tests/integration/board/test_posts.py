"""Posts: write, read, edit (수정됨), delete; who may do what; attachments; views."""

import uuid

from mungmo.platform.clock import utc_now
from tests.support.board_app import BASE, BoardDriver


async def test_a_member_writes_reads_edits_and_deletes_a_post(board: BoardDriver) -> None:
    author = await board.member()
    photo, video = await board.upload(author), await board.upload(author, "video")
    created = await board.post(
        author,
        category="dog_show",
        title="우리 콩이",
        content="**산책** 다녀왔어요",
        media_ids=[str(photo), str(video)],
    )
    assert created["category"] == "dog_show"
    assert created["content_html"] == "<p><strong>산책</strong> 다녀왔어요</p>\n"
    assert created["content"] == "**산책** 다녀왔어요"
    assert created["edited_at"] is None
    assert created["region_name"] == "서울특별시 종로구 청운효자동"
    assert [m["kind"] for m in created["media"]] == ["image", "video"]
    assert created["media"][1]["poster_url"] == f"/api/v1/media/{video}/poster"
    assert created["author"]["nickname"] == author.nickname

    reader = await board.member()
    read = await board.get(reader, f"/posts/{created['id']}")
    assert read["content"] is None  # the Markdown source is the author's
    assert (read["is_mine"], read["liked_by_me"]) == (False, False)

    edited = await board.client.patch(
        f"{BASE}/posts/{created['id']}", json={"title": "우리 콩이 (2)"}, headers=author.headers
    )
    assert edited.status_code == 200, edited.text
    assert edited.json()["edited_at"] is not None  # the UI shows 수정됨
    assert edited.json()["content_html"] == created["content_html"]

    deleted = await board.client.delete(f"{BASE}/posts/{created['id']}", headers=author.headers)
    assert deleted.status_code == 204
    gone = await board.client.get(f"{BASE}/posts/{created['id']}", headers=reader.headers)
    assert gone.status_code == 404
    assert gone.json()["code"] == "board.post_not_found"


async def test_only_the_author_edits_or_deletes(board: BoardDriver) -> None:
    author, other = await board.member(), await board.member()
    post = await board.post(author)
    path = f"{BASE}/posts/{post['id']}"
    edit = await board.client.patch(path, json={"title": "x"}, headers=other.headers)
    delete = await board.client.delete(path, headers=other.headers)
    assert (edit.status_code, edit.json()["code"]) == (403, "board.not_your_post")
    assert (delete.status_code, delete.json()["code"]) == (403, "board.not_your_post")
    assert (await board.get(author, f"/posts/{post['id']}"))["title"] == post["title"]
    anonymous = await board.client.post(f"{BASE}/posts", json={"title": "x"})
    assert anonymous.status_code == 401


async def test_bad_posts_are_refused_and_change_nothing(board: BoardDriver) -> None:
    author = await board.member()
    someone_else = await board.member()
    not_mine = await board.upload(someone_else)
    cases = [
        ({"category": "popular", "title": "t", "content": "c"}, 422, "board.category_not_writable"),
        ({"category": "topic", "title": "", "content": "c"}, 422, "validation.failed"),
        ({"category": "nope", "title": "t", "content": "c"}, 422, "validation.failed"),
        (
            {"category": "topic", "title": "t", "content": "c", "media_ids": [str(not_mine)]},
            422,
            "board.attachment_not_found",
        ),
    ]
    for body, status, code in cases:
        response = await board.client.post(f"{BASE}/posts", json=body, headers=author.headers)
        assert response.status_code == status, response.text
        assert response.headers["content-type"].startswith("application/problem+json")
        assert response.json()["code"] == code
    mine = await board.get(author, "/posts", scope="all", limit=100)
    assert all(item["author"]["id"] != str(author.id) for item in mine["items"])


async def test_an_upload_goes_on_one_post_only(board: BoardDriver) -> None:
    author = await board.member()
    photo = await board.upload(author)
    await board.post(author, media_ids=[str(photo)])
    again = await board.client.post(
        f"{BASE}/posts",
        json={"category": "topic", "title": "t", "content": "c", "media_ids": [str(photo)]},
        headers=author.headers,
    )
    assert (again.status_code, again.json()["code"]) == (422, "board.attachment_in_use")


async def test_a_member_without_a_verified_neighbourhood_cannot_post(board: BoardDriver) -> None:
    stranger = uuid.uuid4()
    response = await board.client.post(
        f"{BASE}/posts",
        json={"category": "topic", "title": "t", "content": "c"},
        headers=board.headers(stranger),
    )
    assert (response.status_code, response.json()["code"]) == (
        422,
        "board.neighbourhood_required",
    )


async def test_views_count_each_member_once_a_day(board: BoardDriver) -> None:
    author, reader = await board.member(), await board.member()
    post = await board.post(author)
    for _ in range(3):
        await board.get(reader, f"/posts/{post['id']}")
    await board.get(author, f"/posts/{post['id']}")
    read = await board.get(reader, f"/posts/{post['id']}")
    assert read["view_count"] == 2


async def test_a_suspended_member_cannot_post_but_still_reads(board: BoardDriver) -> None:
    from mungmo.contracts.trust import MemberSuspended
    from tests.support.polling import eventually

    member = await board.member()
    post = await board.post(member)
    await board.publish(
        MemberSuspended(
            member_id=member.id,
            suspension_id=uuid.uuid4(),
            suspended_at=utc_now(),
            ends_at=utc_now().replace(year=utc_now().year + 1),
        ),
        key=member.id,
    )

    async def refused() -> int:
        response = await board.client.post(
            f"{BASE}/posts",
            json={"category": "topic", "title": "t", "content": "c"},
            headers=member.headers,
        )
        return response.status_code

    assert await eventually(refused, until=lambda status: status == 403) == 403
    like = await board.client.put(f"{BASE}/posts/{post['id']}/like", headers=member.headers)
    assert like.json()["code"] == "trust.suspended"
    assert (await board.get(member, f"/posts/{post['id']}"))["id"] == post["id"]
