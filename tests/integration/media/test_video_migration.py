"""The video_posters migration: photos stored before it keep working, and the models
match the migrated schema (SQLite by default, MariaDB with --stack=real)."""

import uuid
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from mungmo.media.models import Base
from mungmo.platform.db import Database
from mungmo.platform.db.database import ensure_database_exists
from mungmo.platform.db.migrations import alembic_config
from tests.support.stack import Stack

MIGRATIONS = Path(__file__).parents[3] / "src" / "mungmo" / "media" / "migrations"
BEFORE_VIDEOS = "c16e0c7d2f13"


async def test_photos_from_before_videos_get_no_poster_and_the_schema_matches(
    stack: Stack,
) -> None:
    database = Database(stack.database_url("media"), Base.metadata, name="media")
    await ensure_database_exists(database.url)
    photo = uuid.uuid4()
    try:
        async with database.engine.begin() as connection:
            await connection.run_sync(
                lambda sync: command.upgrade(alembic_config(MIGRATIONS, sync), BEFORE_VIDEOS)
            )
            await connection.execute(
                text(
                    "INSERT INTO media (id, owner_id, kind, purpose, content_type, width, height,"
                    " byte_size, file_key, file_sha256, thumbnail_key, thumbnail_content_type,"
                    " thumbnail_sha256, created_at) VALUES (:id, :owner, 'image', 'dog_photo',"
                    " 'image/jpeg', 4, 3, 100, 'ab/x/original.jpg', :sha, 'ab/x/thumbnail.webp',"
                    " 'image/webp', :sha, '2026-12-01 10:00:00')"
                ),
                {"id": photo.hex, "owner": uuid.uuid4().hex, "sha": "0" * 64},
            )
        async with database.engine.begin() as connection:
            await connection.run_sync(
                lambda sync: command.upgrade(alembic_config(MIGRATIONS, sync), "head")
            )
        async with database.engine.connect() as connection:
            row = (
                await connection.execute(
                    text("SELECT kind, poster_key, poster_sha256, duration_ms FROM media")
                )
            ).one()
            drift = await connection.run_sync(
                lambda sync: compare_metadata(MigrationContext.configure(sync), Base.metadata)
            )
        assert tuple(row) == ("image", None, None, None)
        assert drift == []
    finally:
        await database.dispose()
