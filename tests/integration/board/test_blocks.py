"""Blocked members never see each other's posts or comments, in lists, reads, search,
comments and 인기글, whichever of the two blocked; unblocking shows them again."""

from tests.support.board_app import BASE, BoardDriver, Member
from tests.support.polling import eventually


async def _sees(board: BoardDriver, viewer: Member, other: Member, post_id: str) -> dict[str, bool]:
    listed = await board.get(viewer, "/posts", limit=100)
    found = await board.get(viewer, "/search", q="차단테스트")
    read = await board.client.get(f"{BASE}/posts/{post_id}", headers=viewer.headers)
    return {
        "list": any(p["author"]["id"] == str(other.id) for p in listed["items"]),
        "search": any(p["author"]["id"] == str(other.id) for p in found["items"]),
        "read": read.status_code == 200,
    }


async def test_blocked_members_never_see_each_other(board: BoardDriver) -> None:
    blocker, blocked, bystander = await board.member(), await board.member(), await board.member()
    blocker_post = await board.post(blocker, title="차단테스트 하나")
    blocked_post = await board.post(blocked, title="차단테스트 둘")
    shared = await board.post(bystander, title="모두의 글")
    await board.comment(blocker, shared["id"], "차단한 사람 댓글")
    await board.comment(blocked, shared["id"], "차단된 사람 댓글")
    await board.block(blocker, blocked)

    nothing = {"list": False, "search": False, "read": False}
    assert await _sees(board, blocker, blocked, blocked_post["id"]) == nothing
    assert await _sees(board, blocked, blocker, blocker_post["id"]) == nothing
    for viewer, unseen in ((blocker, "차단된 사람 댓글"), (blocked, "차단한 사람 댓글")):
        comments = await board.get(viewer, f"/posts/{shared['id']}/comments")
        assert unseen not in [c["content"] for c in comments["items"]]
        assert len(comments["items"]) == 1
    # Nor can either act on the other's post.
    like = await board.client.put(
        f"{BASE}/posts/{blocker_post['id']}/like", headers=blocked.headers
    )
    comment = await board.client.post(
        f"{BASE}/posts/{blocker_post['id']}/comments",
        json={"content": "x"},
        headers=blocked.headers,
    )
    assert (like.status_code, comment.status_code) == (404, 404)
    # Everyone else still sees both.
    everything = {"list": True, "search": True, "read": True}
    assert await _sees(board, bystander, blocked, blocked_post["id"]) == everything

    await board.unblock(blocker, blocked)
    back = await eventually(lambda: _sees(board, blocker, blocked, blocked_post["id"]))
    assert back == everything
