from collections.abc import AsyncIterator

import pytest

from tests.support.member_app import MemberApp, member_app
from tests.support.regions import load_test_regions
from tests.support.stack import Stack


@pytest.fixture
async def app(stack: Stack) -> AsyncIterator[MemberApp]:
    """Identity + member, with the few real regions these tests stand in."""
    async with member_app(stack) as running:
        await load_test_regions(running)
        yield running
