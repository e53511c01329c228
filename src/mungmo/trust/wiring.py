"""Builds the trust service: database, policy, router, event subscriptions."""

from datetime import timedelta
from pathlib import Path

from pydantic_settings import SettingsConfigDict

from mungmo.platform.config import ServiceSettings
from mungmo.platform.db import Database
from mungmo.platform.service import PlatformContext, ServiceModule
from mungmo.trust.api import router
from mungmo.trust.models import Base
from mungmo.trust.service.context import Trust, TrustPolicy

NAME = "trust"


class TrustSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="MUNGMO_TRUST_", extra="ignore")

    suspension_days: int = 30


def build(context: PlatformContext, settings: TrustSettings | None = None) -> ServiceModule:
    settings = settings or TrustSettings()
    database = Database(
        settings.resolved_database_url(context.settings, NAME), Base.metadata, name=NAME
    )
    uow = context.uow_factory(database)
    trust = Trust(
        uow=uow,
        clock=context.clock,
        policy=TrustPolicy(suspension=timedelta(days=settings.suspension_days)),
    )
    return ServiceModule(
        name=NAME,
        database=database,
        migrations_dir=Path(__file__).parent / "migrations",
        uow_factory=uow,
        routers=[router],
        handlers=[],
        dependencies=[trust],
    )
