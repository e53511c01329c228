"""Comments with one level of replies, likes on posts and comments, deleted authors."""

from mungmo.contracts.identity import AccountDeleted, NicknameChanged
from mungmo.platform.clock import utc_now
from tests.support.board_app import BASE, BoardDriver


async def test_comments_and_one_level_of_replies_in_thread_order(board: BoardDriver) -> None:
    author, first, second = await board.member(), await board.member(), await board.member()
    post = await board.post(author)
    one = await board.comment(first, post["id"], "첫 댓글")
    two = await board.comment(second, post["id"], "두 번째")
    reply = await board.comment(author, post["id"], "답글", parent_id=one["id"])
    assert reply["parent_id"] == one["id"]

    deeper = await board.client.post(
        f"{BASE}/posts/{post['id']}/comments",
        json={"content": "답글의 답글", "parent_id": reply["id"]},
        headers=first.headers,
    )
    assert (deeper.status_code, deeper.json()["code"]) == (422, "board.reply_too_deep")

    page = await board.get(first, f"/posts/{post['id']}/comments", limit=2)
    rest = await board.get(first, f"/posts/{post['id']}/comments", cursor=page["next_cursor"])
    listed = [c["content"] for c in page["items"] + rest["items"]]
    assert listed == ["첫 댓글", "답글", "두 번째"]
    assert rest["next_cursor"] is None
    assert (await board.get(first, f"/posts/{post['id']}"))["comment_count"] == 3

    edited = await board.client.patch(
        f"{BASE}/comments/{two['id']}", json={"content": "고침"}, headers=second.headers
    )
    assert edited.json()["edited_at"] is not None
    not_mine = await board.client.patch(
        f"{BASE}/comments/{two['id']}", json={"content": "x"}, headers=first.headers
    )
    assert (not_mine.status_code, not_mine.json()["code"]) == (403, "board.not_your_comment")
    removed = await board.client.delete(f"{BASE}/comments/{two['id']}", headers=second.headers)
    assert removed.status_code == 204
    after = await board.get(author, f"/posts/{post['id']}/comments")
    assert [c["state"] for c in after["items"]] == ["visible", "visible", "deleted"]
    assert after["items"][2]["content"] == "" and after["items"][2]["author"] is None
    assert (await board.get(first, f"/posts/{post['id']}"))["comment_count"] == 2


async def test_likes_are_idempotent_and_counted_once(board: BoardDriver) -> None:
    author, fan = await board.member(), await board.member()
    post = await board.post(author)
    path = f"{BASE}/posts/{post['id']}/like"
    for _ in range(3):
        liked = await board.client.put(path, headers=fan.headers)
        assert liked.json() == {"liked": True, "like_count": 1}
    read = await board.get(fan, f"/posts/{post['id']}")
    assert (read["like_count"], read["liked_by_me"]) == (1, True)
    for _ in range(2):
        unliked = await board.client.delete(path, headers=fan.headers)
        assert unliked.json() == {"liked": False, "like_count": 0}

    comment = await board.comment(author, post["id"])
    comment_like = f"{BASE}/comments/{comment['id']}/like"
    await board.client.put(comment_like, headers=fan.headers)
    again = await board.client.put(comment_like, headers=fan.headers)
    assert again.json() == {"liked": True, "like_count": 1}
    listed = await board.get(fan, f"/posts/{post['id']}/comments")
    assert (listed["items"][0]["like_count"], listed["items"][0]["liked_by_me"]) == (1, True)
    assert (await board.client.delete(comment_like, headers=fan.headers)).json()["like_count"] == 0


async def test_a_deleted_account_shows_as_a_former_member(board: BoardDriver) -> None:
    leaver, reader = await board.member(), await board.member()
    post = await board.post(leaver, title="떠나는 글")
    await board.comment(leaver, post["id"], "안녕")
    await board.publish(
        NicknameChanged(account_id=leaver.id, nickname="새이름", changed_at=utc_now()),
        key=leaver.id,
    )
    assert (await board.get(reader, f"/posts/{post['id']}"))["author"]["nickname"] == "새이름"
    await board.publish(AccountDeleted(account_id=leaver.id, deleted_at=utc_now()), key=leaver.id)
    read = await board.get(reader, f"/posts/{post['id']}")
    assert read["author"] == {"id": str(leaver.id), "nickname": None, "deleted": True,
                              "photo_url": None}  # fmt: skip
    comments = await board.get(reader, f"/posts/{post['id']}/comments")
    assert comments["items"][0]["author"]["deleted"] is True
    found = await board.get(reader, "/search", q="새이름")
    assert found["items"] == []


async def test_others_cannot_change_or_hide_what_is_not_theirs(board: BoardDriver) -> None:
    author, other = await board.member(), await board.member()
    post = await board.post(author)
    comment = await board.comment(author, post["id"])
    refused = [
        await board.client.delete(f"{BASE}/comments/{comment['id']}", headers=other.headers),
        await board.client.post(
            f"{BASE}/admin/posts/{post['id']}/hide", json={"reason": "x"}, headers=other.headers
        ),
        await board.client.post(
            f"{BASE}/admin/comments/{comment['id']}/hide",
            json={"reason": "x"},
            headers=other.headers,
        ),
        await board.client.get(f"{BASE}/admin/moderation-log", headers=other.headers),
    ]
    assert [r.status_code for r in refused] == [403, 403, 403, 403]
    assert (await board.get(other, f"/posts/{post['id']}/comments"))["items"][0]["state"] == (
        "visible"
    )
