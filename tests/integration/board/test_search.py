"""Korean search by title, content and nickname, a word inside a longer word (산책 in
산책로), ranked (a title match first), on SQLite (FTS5 trigram) and MariaDB (Mroonga)."""

from tests.support.board_app import BASE, BoardDriver


async def test_korean_words_are_found_inside_longer_words(board: BoardDriver) -> None:
    author = await board.member(nickname="검색왕콩이")
    reader = await board.member()
    body = await board.post(author, title="주말 이야기", content="어제 한강공원 산책로가 붐볐어요")
    title = await board.post(author, title="산책로 추천해요", content="어디가 좋을까요")
    await board.post(author, title="사료 추천", content="강아지 사료 고민")

    async def found(query: str) -> list[str]:
        page = await board.get(reader, "/search", q=query)
        return [item["id"] for item in page["items"]]

    # Two characters (shorter than a trigram), three, and a longer word's middle.
    assert await found("산책") == [title["id"], body["id"]]
    assert await found("산책로") == [title["id"], body["id"]]
    assert await found("강공원") == [body["id"]]
    assert await found("한강공원 산책") == [body["id"]]
    assert set(await found("검색왕")) == {body["id"], title["id"], (await found("사료"))[0]}
    assert await found("없는단어") == []

    page = await board.get(reader, "/search", q="산책")
    assert page["terms"] == ["산책"]
    assert "산책로" in page["items"][1]["excerpt"]


async def test_search_pages_and_refuses_empty_queries(board: BoardDriver) -> None:
    author, reader = await board.member(), await board.member()
    for n in range(5):
        await board.post(author, title=f"페이지검색 {n}", content="본문")
    first = await board.get(reader, "/search", q="페이지검색", limit=3)
    rest = await board.get(reader, "/search", q="페이지검색", limit=3, cursor=first["next_cursor"])
    ids = [item["id"] for item in first["items"] + rest["items"]]
    assert len(ids) == len(set(ids)) == 5 and rest["next_cursor"] is None
    blank = await board.client.get(f"{BASE}/search", params={"q": "  "}, headers=reader.headers)
    assert (blank.status_code, blank.json()["code"]) == (422, "board.search_query_invalid")


async def test_edits_and_deletions_reach_the_index(board: BoardDriver) -> None:
    author, reader = await board.member(), await board.member()
    post = await board.post(author, title="색인확인 전", content="내용")
    await board.client.patch(
        f"{BASE}/posts/{post['id']}", json={"title": "고친제목임"}, headers=author.headers
    )
    assert [p["id"] for p in (await board.get(reader, "/search", q="고친제목"))["items"]] == [
        post["id"]
    ]
    assert (await board.get(reader, "/search", q="색인확인"))["items"] == []
    await board.client.delete(f"{BASE}/posts/{post['id']}", headers=author.headers)
    assert (await board.get(reader, "/search", q="고친제목"))["items"] == []
