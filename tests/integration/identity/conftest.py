from collections.abc import AsyncIterator

import pytest

from tests.support.app import RunningApp, running_app
from tests.support.oauth_provider import OAuthTestProvider, running_oauth_provider
from tests.support.stack import Stack


@pytest.fixture
async def oauth_provider() -> AsyncIterator[OAuthTestProvider]:
    async with running_oauth_provider() as provider:
        yield provider


@pytest.fixture
async def social_app(stack: Stack, oauth_provider: OAuthTestProvider) -> AsyncIterator[RunningApp]:
    """MungMo with Kakao, Naver and Google all pointing at the local provider."""
    async with running_app(stack, identity=oauth_provider.identity_settings()) as app:
        yield app
