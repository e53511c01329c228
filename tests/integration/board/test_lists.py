"""Lists: categories, the region scope (my 동, my 시/군/구, everywhere), and cursor pages
that skip and repeat nothing while posts keep arriving."""

import asyncio

from tests.support.board_app import BoardDriver
from tests.support.regions import CHEONGUN_HYOJA, SAJIK

# 종로구 사직동 shares 청운효자동's 시/군/구 (11110); 강남구 역삼1동 does not.
YEOKSAM = "1168064000"


async def test_region_scopes_and_categories(board: BoardDriver) -> None:
    here = await board.member(region=CHEONGUN_HYOJA)
    same_gu = await board.member(region=SAJIK, name="서울특별시 종로구 사직동")
    far = await board.member(region=YEOKSAM, name="서울특별시 강남구 역삼1동")
    tag = "범위"
    await board.post(here, title=f"{tag} 청운", category="humour")
    await board.post(same_gu, title=f"{tag} 사직", category="topic")
    await board.post(far, title=f"{tag} 역삼", category="topic")

    async def titles(scope: str, **params: str) -> set[str]:
        found = await board.titles(here, scope=scope, limit=100, **params)
        return {title for title in found if title.startswith(tag)}

    assert await titles("dong") == {f"{tag} 청운"}
    assert await titles("district") == {f"{tag} 청운", f"{tag} 사직"}
    assert await titles("all") == {f"{tag} 청운", f"{tag} 사직", f"{tag} 역삼"}
    assert await titles("all", category="topic") == {f"{tag} 사직", f"{tag} 역삼"}


async def test_pages_skip_and_repeat_nothing_while_posts_arrive(board: BoardDriver) -> None:
    author = await board.member(region=YEOKSAM)
    reader = await board.member(region=YEOKSAM)
    before = [
        (await board.post(author, title=f"전 {n}", category="dog_show"))["id"] for n in range(25)
    ]
    seen: list[str] = []
    cursor: str | None = None
    arrived: list[str] = []

    async def writer() -> None:
        for n in range(15):
            arrived.append((await board.post(author, title=f"후 {n}", category="dog_show"))["id"])

    writing = asyncio.create_task(writer())
    while True:
        params = {"category": "dog_show", "scope": "dong", "limit": 4}
        page = await board.get(
            reader, "/posts", **({**params, "cursor": cursor} if cursor else params)
        )
        seen.extend(item["id"] for item in page["items"])
        cursor = page["next_cursor"]
        if cursor is None:
            break
        await asyncio.sleep(0)  # let the writer in between pages
    await writing

    assert len(seen) == len(set(seen))  # nothing repeated
    assert set(before) <= set(seen)  # nothing that was there is skipped
    assert seen == sorted(seen, reverse=True)  # newest first throughout
    assert arrived  # posts did arrive meanwhile (above the first page)
