"""Alembic, one history per service, run on the service's own async engine."""

from pathlib import Path

from alembic import command, context
from alembic.config import Config
from sqlalchemy import MetaData
from sqlalchemy.engine import Connection

from mungmo.platform.db.database import Database, ensure_database_exists

VERSION_TABLE = "alembic_version"


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
    async with database.engine.begin() as connection:
        await connection.run_sync(
            lambda sync: command.upgrade(alembic_config(migrations_dir, sync), "head")
        )


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
    )
    with context.begin_transaction():
        context.run_migrations()
