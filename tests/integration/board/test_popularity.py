"""인기글: likes, comments and views over the recent window lift a post into the list,
recomputed by the recurring board.popularity job."""

from tests.support.board_app import BASE, BoardDriver
from tests.support.polling import eventually


async def test_a_liked_and_commented_post_rises_to_popular(board: BoardDriver) -> None:
    author, fan, other = await board.member(), await board.member(), await board.member()
    quiet = await board.post(author, title="조용한 글")
    loved = await board.post(author, title="인기 많은 글", category="dog_show")
    for member in (fan, other):
        await board.client.put(f"{BASE}/posts/{loved['id']}/like", headers=member.headers)
        await board.get(member, f"/posts/{loved['id']}")
    await board.comment(fan, loved["id"], "귀여워요")
    await board.get(fan, f"/posts/{quiet['id']}")  # one view is not popular

    async def popular() -> list[str]:
        return await board.titles(fan, "/popular", limit=100)

    titles = await eventually(popular, until=lambda found: "인기 많은 글" in found)
    assert "조용한 글" not in titles

    # Hidden by an admin: out of 인기글 at once.
    await board.client.post(
        f"{BASE}/admin/posts/{loved['id']}/hide", json={"reason": "테스트"}, headers=board.admin()
    )
    assert "인기 많은 글" not in await popular()


async def test_popular_is_not_a_category_one_writes_to(board: BoardDriver) -> None:
    author = await board.member()
    response = await board.client.post(
        f"{BASE}/posts",
        json={"category": "popular", "title": "t", "content": "c"},
        headers=author.headers,
    )
    assert response.json()["code"] == "board.category_not_writable"
