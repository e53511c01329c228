"""Builds the club service: database, policy, router, event subscriptions, jobs."""

from datetime import timedelta
from pathlib import Path

from pydantic_settings import SettingsConfigDict

from mungmo.club import handlers
from mungmo.club.api import router
from mungmo.club.models import Base
from mungmo.club.service.context import ClubPolicy, Clubs
from mungmo.club.service.reminders import REMINDER_JOB
from mungmo.contracts.identity import AccountDeleted, AccountRegistered, NicknameChanged
from mungmo.contracts.media import MediaUploaded
from mungmo.contracts.member import MemberBlocked, MemberUnblocked, NeighbourhoodVerified
from mungmo.platform.config import ServiceSettings
from mungmo.platform.db import Database
from mungmo.platform.events.consumer import EventHandler
from mungmo.platform.ratelimit import RateLimiter
from mungmo.platform.scheduling import JobHandler
from mungmo.platform.service import PlatformContext, ServiceModule

NAME = "club"


class ClubSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="MUNGMO_CLUB_", extra="ignore")

    reminder_lead_minutes: float = 120
    max_message_chars: int = 1000
    # Chat sends per member: a burst of this many, refilled over the window.
    chat_burst: int = 10
    chat_window_seconds: float = 5
    clubs_per_hour: int = 5


def _handlers() -> list[EventHandler]:
    return [
        EventHandler(
            AccountRegistered, handlers.on_account_registered, name="club.on_account_registered"
        ),
        EventHandler(
            NicknameChanged, handlers.on_nickname_changed, name="club.on_nickname_changed"
        ),
        EventHandler(AccountDeleted, handlers.on_account_deleted, name="club.on_account_deleted"),
        EventHandler(
            NeighbourhoodVerified,
            handlers.on_neighbourhood_verified,
            name="club.on_neighbourhood_verified",
        ),
        EventHandler(MemberBlocked, handlers.on_member_blocked, name="club.on_member_blocked"),
        EventHandler(
            MemberUnblocked, handlers.on_member_unblocked, name="club.on_member_unblocked"
        ),
        EventHandler(MediaUploaded, handlers.on_media_uploaded, name="club.on_media_uploaded"),
    ]


def build(context: PlatformContext, settings: ClubSettings | None = None) -> ServiceModule:
    settings = settings or ClubSettings()
    database = Database(
        settings.resolved_database_url(context.settings, NAME), Base.metadata, name=NAME
    )
    uow = context.uow_factory(database)
    clubs = Clubs(
        uow=uow,
        clock=context.clock,
        policy=ClubPolicy(
            reminder_lead=timedelta(minutes=settings.reminder_lead_minutes),
            max_message_chars=settings.max_message_chars,
        ),
        chat_sends=RateLimiter(settings.chat_burst, settings.chat_window_seconds),
        clubs_created=RateLimiter(settings.clubs_per_hour, 3600),
    )
    return ServiceModule(
        name=NAME,
        database=database,
        migrations_dir=Path(__file__).parent / "migrations",
        uow_factory=uow,
        routers=[router],
        handlers=_handlers(),
        jobs=[JobHandler(REMINDER_JOB, handlers.on_schedule_reminder_due)],
        dependencies=[clubs],
    )
