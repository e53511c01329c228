from collections.abc import AsyncIterator

import pytest

from tests.support.app import running_app
from tests.support.meetup_app import MeetupDriver
from tests.support.stack import open_stack

# A window of 1.5 s next to the usual ones, so tests see a meetup end (bounded polls,
# never sleeps).
SHORT = 0.025


@pytest.fixture(scope="module")
async def meetup(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[MeetupDriver]:
    """One app per test module; its tests use members and meetups of their own."""
    kind = request.config.getoption("--stack")
    async with (
        open_stack(kind, tmp_path_factory.mktemp("meetup")) as stack,
        running_app(
            stack,
            jobs_poll_seconds=0.05,
            meetup={"durations_minutes": (SHORT, 30, 60, 90, 120, 180)},
        ) as app,
    ):
        yield MeetupDriver(app, stack.topic_prefix)
