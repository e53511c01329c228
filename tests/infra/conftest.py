from collections.abc import AsyncIterator
from pathlib import Path

import pytest

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
