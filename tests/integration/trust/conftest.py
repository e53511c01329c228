from collections.abc import AsyncIterator

import pytest

from tests.support.app import running_app
from tests.support.stack import open_stack
from tests.support.trust_app import TrustDriver


@pytest.fixture(scope="module")
async def trust(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[TrustDriver]:
    """One app per test module: its tests use members of their own, and starting the
    whole app for each would cost more than the tests."""
    kind = request.config.getoption("--stack")
    async with (
        open_stack(kind, tmp_path_factory.mktemp("trust")) as stack,
        running_app(stack, jobs_poll_seconds=0.05) as app,
    ):
        yield TrustDriver(app, stack.topic_prefix)
