from collections.abc import AsyncIterator

import pytest

from tests.support.app import running_app
from tests.support.stack import Stack
from tests.support.trust_app import TrustDriver


@pytest.fixture
async def trust(stack: Stack) -> AsyncIterator[TrustDriver]:
    async with running_app(stack, jobs_poll_seconds=0.05) as app:
        yield TrustDriver(app, stack.topic_prefix)
