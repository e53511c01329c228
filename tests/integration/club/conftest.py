from collections.abc import AsyncIterator

import pytest

from tests.integration.club.driver import ClubDriver
from tests.support.app import running_app
from tests.support.stack import open_stack


@pytest.fixture(scope="module")
async def clubs(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[ClubDriver]:
    """One app per test module: its tests use clubs and members of their own."""
    kind = request.config.getoption("--stack")
    async with (
        open_stack(kind, tmp_path_factory.mktemp("club")) as stack,
        running_app(
            stack, jobs_poll_seconds=0.05, club={"clubs_per_hour": 10_000, "chat_burst": 1000}
        ) as app,
    ):
        yield ClubDriver(app, stack.topic_prefix)
