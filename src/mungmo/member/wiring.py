"""Builds the member service: database, router, event subscriptions."""

from pathlib import Path

from pydantic_settings import SettingsConfigDict

from mungmo.contracts.identity import AccountRegistered
from mungmo.member.api import MemberUnitOfWork, router
from mungmo.member.handlers import on_account_registered
from mungmo.member.models import Base
from mungmo.platform.config import ServiceSettings
from mungmo.platform.db import Database
from mungmo.platform.events.consumer import EventHandler
from mungmo.platform.service import PlatformContext, ServiceModule

NAME = "member"


class MemberSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="MUNGMO_MEMBER_", extra="ignore")


def build(context: PlatformContext, settings: MemberSettings | None = None) -> ServiceModule:
    settings = settings or MemberSettings()
    database = Database(
        settings.resolved_database_url(context.settings, NAME), Base.metadata, name=NAME
    )
    uow = context.uow_factory(database)
    return ServiceModule(
        name=NAME,
        database=database,
        migrations_dir=Path(__file__).parent / "migrations",
        uow_factory=uow,
        routers=[router],
        handlers=[
            EventHandler(
                AccountRegistered,
                on_account_registered,
                name="member.on_account_registered",
            ),
        ],
        dependencies=[MemberUnitOfWork(uow)],
    )
