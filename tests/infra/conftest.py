from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.support.private_kafka import PrivateKafka, free_port_pair
from tests.support.private_mariadb import PrivateMariaDB, free_port


@pytest.fixture(scope="session")
async def private_mariadb(
    tmp_path_factory: pytest.TempPathFactory,
) -> AsyncIterator[PrivateMariaDB]:
    """Started once for the fault tests that kill it, stopped after them."""
    server = PrivateMariaDB(data_dir=Path(tmp_path_factory.mktemp("mariadb")), port=free_port())
    await server.start()
    try:
        yield server
    finally:
        await server.stop()


@pytest.fixture(scope="session")
async def private_kafka(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[PrivateKafka]:
    """Started once for the fault tests that kill the broker, stopped after them."""
    broker = PrivateKafka(data_dir=Path(tmp_path_factory.mktemp("kafka")), port=free_port_pair())
    await broker.start()
    try:
        yield broker
    finally:
        await broker.stop()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Under pytest-xdist (--dist loadgroup), tests of the private servers all run on
    # one worker, so each server starts once per run instead of once per worker.
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        if "private_mariadb" in fixtures or "private_kafka" in fixtures:
            item.add_marker(pytest.mark.xdist_group("private-servers"))
