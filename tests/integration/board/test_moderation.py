"""Administrators hide posts and comments with a reason, in the append-only log."""

import pytest
from sqlalchemy import delete, update

from mungmo.board.models import ModerationEntry
from mungmo.platform.db.append_only import AuditEntryImmutable
from tests.support.board_app import BASE, BoardDriver


async def test_an_admin_hides_a_post_and_a_comment_with_a_reason(board: BoardDriver) -> None:
    author, reader = await board.member(), await board.member()
    admin = board.admin()
    post = await board.post(author, title="가려질 글")
    comment = await board.comment(reader, post["id"], "가려질 댓글")

    hidden = await board.client.post(
        f"{BASE}/admin/posts/{post['id']}/hide", json={"reason": "광고"}, headers=admin
    )
    assert hidden.status_code == 204
    assert "가려질 글" not in await board.titles(reader, limit=100)
    gone = await board.client.get(f"{BASE}/posts/{post['id']}", headers=reader.headers)
    assert gone.status_code == 404
    own = await board.get(author, f"/posts/{post['id']}")
    assert (own["hidden"], own["hidden_reason"]) == (True, "광고")

    await board.client.post(
        f"{BASE}/admin/posts/{post['id']}/show", json={"reason": "오해"}, headers=admin
    )
    await board.client.post(
        f"{BASE}/admin/comments/{comment['id']}/hide", json={"reason": "욕설"}, headers=admin
    )
    listed = await board.get(reader, f"/posts/{post['id']}/comments")
    assert [(c["state"], c["content"]) for c in listed["items"]] == [("hidden", "")]
    assert (await board.get(reader, f"/posts/{post['id']}"))["comment_count"] == 0

    log = (await board.client.get(f"{BASE}/admin/moderation-log", headers=admin)).json()
    assert [(e["action"], e["target_kind"], e["reason"]) for e in log["items"][:3]] == [
        ("hide", "comment", "욕설"),
        ("show", "post", "오해"),
        ("hide", "post", "광고"),
    ]
    bad = await board.client.post(
        f"{BASE}/admin/posts/{post['id']}/hide", json={"reason": ""}, headers=admin
    )
    assert bad.status_code == 422


async def test_the_moderation_log_is_append_only(board: BoardDriver) -> None:
    async with board.boards.uow() as uow:
        with pytest.raises(AuditEntryImmutable):
            await uow.session.execute(update(ModerationEntry).values(reason="x"))
        with pytest.raises(AuditEntryImmutable):
            await uow.session.execute(delete(ModerationEntry))
