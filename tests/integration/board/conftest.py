from collections.abc import AsyncIterator

import pytest

from tests.support.app import running_app
from tests.support.board_app import BoardDriver
from tests.support.stack import open_stack


@pytest.fixture(scope="module")
async def board(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[BoardDriver]:
    """One app per test module: its tests use members of their own."""
    kind = request.config.getoption("--stack")
    async with (
        open_stack(kind, tmp_path_factory.mktemp("board")) as stack,
        running_app(
            stack,
            jobs_poll_seconds=0.05,
            board={"posts_per_hour": 10_000, "popularity_refresh_seconds": 0.2},
        ) as app,
    ):
        yield BoardDriver(app, stack.topic_prefix)
