"""Instances starting at once migrate one fresh database without racing on its schema."""

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from mungmo.main import SERVICES, build_modules
from mungmo.platform.db.migrations import alembic_config
from mungmo.platform.metrics import Metrics
from mungmo.platform.service import PlatformContext, ServiceModule
from tests.support.stack import Stack

INSTANCES = 3


def _migrate(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mungmo.cli", "migrate", *SERVICES],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def _modules(
    stack: Stack, env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> list[ServiceModule]:
    """The services as the migrating processes built them, from the same environment."""
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    context = PlatformContext(settings=stack.platform_settings(), metrics=Metrics())
    return build_modules(context, list(SERVICES))


async def _tables_and_versions(module: ServiceModule) -> tuple[set[str], list[str]]:
    async with module.database.engine.connect() as connection:
        tables = await connection.run_sync(lambda sync: set(inspect(sync).get_table_names()))
        rows = await connection.execute(text("SELECT version_num FROM alembic_version"))
        return tables, [row[0] for row in rows]


async def test_instances_migrating_one_fresh_database_at_once_all_succeed(
    stack: Stack, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    urls = {name: stack.database_url(name) for name in SERVICES}
    env = {f"MUNGMO_{name.upper()}_DATABASE_URL": url for name, url in urls.items()}
    env["MUNGMO_DATA_DIR"] = str(tmp_path / "data")
    env["MUNGMO_LOG_JSON"] = "false"
    runs = await asyncio.gather(*(asyncio.to_thread(_migrate, env) for _ in range(INSTANCES)))
    for run in runs:
        assert run.returncode == 0, run.stderr[-3000:]
        for name in SERVICES:
            assert f"{name}: at head" in run.stdout

    modules = _modules(stack, env, monkeypatch)
    try:
        for module in modules:
            tables, versions = await _tables_and_versions(module)
            head = ScriptDirectory.from_config(
                alembic_config(module.migrations_dir)
            ).get_current_head()
            assert versions == [head], module.name
            missing = set(module.database.metadata.tables) - tables
            assert not missing, (module.name, missing)
    finally:
        for module in modules:
            await module.database.dispose()
