"""`mungmo regions import` loads a centre-point file (by default the shipped one) into
member's database."""

import asyncio

import pytest
from sqlalchemy import func, select

from mungmo import cli
from mungmo.member.models import Base, Region
from mungmo.platform.db import Database
from tests.support.regions import CENTROIDS_FILE, CHEONGUN_HYOJA
from tests.support.stack import Stack


async def test_import_command_loads_and_replaces_regions(
    stack: Stack, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = stack.database_url("member")
    monkeypatch.setenv("MUNGMO_MEMBER_DATABASE_URL", url)
    arguments = ["regions", "import", "--data-dir", str(stack.data_dir)]
    # The shipped file, then an explicit one: a second import replaces the first.
    for extra in ([], ["--centroids", str(CENTROIDS_FILE)]):
        await asyncio.to_thread(cli.main, arguments + extra)
    assert "neighbourhoods imported" in capsys.readouterr().out
    database = Database(url, Base.metadata, name="member")
    try:
        async with database.session() as session:
            count = await session.scalar(select(func.count()).select_from(Region))
            cheongun = await session.get(Region, CHEONGUN_HYOJA)
    finally:
        await database.dispose()
    assert count is not None and 3500 < count < 4000
    assert cheongun is not None and cheongun.name == "서울특별시 종로구 청운효자동"
