"""The move from ``accounts.roles`` (a comma-separated string) to ``account_roles``."""

import uuid
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from mungmo.identity.models import Base
from mungmo.platform.db import Database
from mungmo.platform.db.database import ensure_database_exists
from mungmo.platform.db.migrations import alembic_config
from tests.support.stack import Stack

MIGRATIONS = Path(__file__).parents[3] / "src" / "mungmo" / "identity" / "migrations"
BEFORE_ROLES_TABLE = "5cf5decd79e2"


async def test_existing_roles_move_into_the_roles_table(stack: Stack) -> None:
    database = Database(stack.database_url("identity"), Base.metadata, name="identity")
    await ensure_database_exists(database.url)
    admin, member = uuid.uuid4(), uuid.uuid4()
    try:
        async with database.engine.begin() as connection:
            await connection.run_sync(
                lambda sync: command.upgrade(alembic_config(MIGRATIONS, sync), BEFORE_ROLES_TABLE)
            )
            for account_id, roles in ((admin, "member,admin"), (member, "member")):
                await connection.execute(
                    text(
                        "INSERT INTO accounts (id, email, nickname, nickname_key, status, roles,"
                        " created_at) VALUES (:id, :email, :nick, :nick, 'active', :roles,"
                        " '2026-11-30 10:00:00')"
                    ),
                    {
                        "id": account_id.hex,
                        "email": f"{account_id.hex[:8]}@example.com",
                        "nick": f"n{account_id.hex[:8]}",
                        "roles": roles,
                    },
                )
        async with database.engine.begin() as connection:
            await connection.run_sync(
                lambda sync: command.upgrade(alembic_config(MIGRATIONS, sync), "head")
            )

        async with database.engine.connect() as connection:
            rows = (
                await connection.execute(text("SELECT account_id, role FROM account_roles"))
            ).all()
            columns = await connection.run_sync(
                lambda sync: {column["name"] for column in inspect(sync).get_columns("accounts")}
            )
            # The models and the migrated schema agree (nothing left for autogenerate).
            drift = await connection.run_sync(
                lambda sync: compare_metadata(MigrationContext.configure(sync), Base.metadata)
            )
        assert [(uuid.UUID(str(account_id)), role) for account_id, role in rows] == [
            (admin, "admin")
        ]
        assert "roles" not in columns
        assert drift == []
    finally:
        await database.dispose()
