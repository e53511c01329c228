"""Alembic, one history per service, run on the service's own async engine."""

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from alembic import command, context
from alembic.config import Config
from sqlalchemy import MetaData, make_url, text
from sqlalchemy.engine import Connection

from mungmo.platform.db.database import Database, ensure_database_exists

VERSION_TABLE = "alembic_version"
MIGRATION_LOCK_TIMEOUT_SECONDS = 600


def alembic_config(migrations_dir: Path, connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir))
    config.set_main_option("path_separator", "os")
    config.set_main_option("version_locations", str(migrations_dir / "versions"))
    config.set_main_option(
        "file_template",
        "%%(year)d_%%(month).2d_%%(day).2d_%%(hour).2d%%(minute).2d_%%(slug)s",
    )
    if connection is not None:
        config.attributes["connection"] = connection
    return config


async def upgrade_to_head(database: Database, migrations_dir: Path) -> None:
    await ensure_database_exists(database.url)
    async with _migration_lock(database), database.engine.begin() as connection:
        await connection.run_sync(
            lambda sync: command.upgrade(alembic_config(migrations_dir, sync), "head")
        )


@asynccontextmanager
async def _migration_lock(database: Database) -> AsyncIterator[None]:
    """One instance migrates at a time; the others wait, then find the schema at head.

    MariaDB commits every DDL statement on its own, so two instances would both see an
    empty version table and both create tables: a named lock (``GET_LOCK``) held on a
    connection of its own serialises them, and the server drops it if we die. SQLite
    needs nothing more: the migration's transaction starts with ``BEGIN IMMEDIATE``
    (see ``database.py``), which already holds the file's write lock throughout.
    """
    if database.is_sqlite:
        yield
        return
    name = f"mungmo.migrate.{make_url(database.url).database}"[:64]
    async with database.engine.connect() as connection:
        locking = await connection.execution_options(isolation_level="AUTOCOMMIT")
        taken = await locking.scalar(
            text("SELECT GET_LOCK(:name, :seconds)"),
            {"name": name, "seconds": MIGRATION_LOCK_TIMEOUT_SECONDS},
        )
        if taken != 1:
            raise RuntimeError(
                f"another instance held the migration lock {name!r} for over "
                f"{MIGRATION_LOCK_TIMEOUT_SECONDS} s"
            )
        try:
            yield
        finally:
            await locking.execute(text("SELECT RELEASE_LOCK(:name)"), {"name": name})


def unmapped_table_filter(metadata: MetaData) -> Callable[[str | None, str, Any], bool]:
    """Alembic ``include_name``: leaves out tables the models do not map (a service's
    dialect-specific search index, named in ``metadata.info["unmapped_tables"]``, and the
    shadow tables SQLite's FTS5 names after it)."""
    prefixes = tuple(metadata.info.get("unmapped_tables", ()))

    def include(name: str | None, kind: str, _parent: Any) -> bool:
        return not (kind == "table" and prefixes and name is not None and name.startswith(prefixes))

    return include


def run_env(metadata: MetaData) -> None:
    """Body of every service's ``migrations/env.py``."""
    connection: Connection | None = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("run migrations through 'mungmo migrate'")
    context.configure(
        connection=connection,
        target_metadata=metadata,
        version_table=VERSION_TABLE,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        user_module_prefix="types.",
        include_name=unmapped_table_filter(metadata),
    )
    with context.begin_transaction():
        context.run_migrations()
