"""Each service's migration history builds exactly the tables its models (and the
platform's tables: outbox, inbox, denials, write suspensions, scheduled jobs) describe."""

from typing import get_args, get_type_hints

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from mungmo.main import SERVICES, build_modules
from mungmo.platform.db.migrations import unmapped_table_filter, upgrade_to_head
from mungmo.platform.metrics import Metrics
from mungmo.platform.service import PlatformContext
from tests.support.stack import Stack


@pytest.mark.parametrize("service", sorted(SERVICES))
async def test_the_migrations_leave_no_drift_against_the_models(stack: Stack, service: str) -> None:
    context = PlatformContext(settings=stack.platform_settings(), metrics=Metrics())
    settings_type = get_args(get_type_hints(SERVICES[service])["settings"])[0]
    settings = settings_type(database_url=stack.database_url(service))
    (module,) = build_modules(context, [service], {service: settings})
    database = module.database
    try:
        await upgrade_to_head(database, module.migrations_dir)
        async with database.engine.connect() as connection:
            drift = await connection.run_sync(
                lambda sync: compare_metadata(
                    MigrationContext.configure(
                        sync, opts={"include_name": unmapped_table_filter(database.metadata)}
                    ),
                    database.metadata,
                )
            )
    finally:
        await database.dispose()
    assert drift == []
