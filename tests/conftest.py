from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.support.stack import Stack, open_stack


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--stack",
        choices=["embedded", "real"],
        default="embedded",
        help="embedded: SQLite + embedded event log; real: MariaDB + Kafka broker",
    )


def pytest_report_header(config: pytest.Config) -> str:
    return f"mungmo stack: {config.getoption('--stack')}"


@pytest.fixture
async def stack(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Stack]:
    kind = request.config.getoption("--stack")
    async with open_stack(kind, tmp_path) as opened:
        yield opened
