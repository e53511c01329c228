from collections.abc import AsyncIterator

import pytest

from tests.support.app import RunningApp, running_app
from tests.support.stack import Stack


@pytest.fixture
async def mungmo(stack: Stack) -> AsyncIterator[RunningApp]:
    async with running_app(stack) as app:
        yield app
