"""Builds the meetup service: database, policy, router, event copies, scheduled jobs."""

from pathlib import Path

from pydantic_settings import SettingsConfigDict

from mungmo.contracts.identity import AccountDeleted, NicknameChanged
from mungmo.contracts.member import (
    MemberBlocked,
    MemberCreated,
    MemberUnblocked,
    NeighbourhoodVerified,
    ProfileChanged,
)
from mungmo.meetup import handlers
from mungmo.meetup.api import router
from mungmo.meetup.models import Base
from mungmo.meetup.service.context import (
    CLOSE_ATTENDANCE_JOB,
    REMIND_JOB,
    MapTiles,
    MeetupPolicy,
    Meetups,
)
from mungmo.platform.config import ServiceSettings
from mungmo.platform.db import Database
from mungmo.platform.events.consumer import EventHandler
from mungmo.platform.regions import BUNDLED_CENTROIDS
from mungmo.platform.scheduling import JobHandler
from mungmo.platform.service import PlatformContext, ServiceModule

NAME = "meetup"


class MeetupSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="MUNGMO_MEETUP_", extra="ignore")

    # The windows a host may choose, in minutes (JSON list). A test server may add a
    # short one (e.g. 0.5) to see a window end without waiting half an hour.
    durations_minutes: tuple[float, ...] = (30, 60, 90, 120, 180)
    # How near the place a position check-in must be, in metres.
    check_in_radius_m: int = 300
    # A tile URL template for the web map, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png
    # (mind the provider's usage policy). Unset: the shipped district boundaries only.
    map_tile_url: str | None = None
    map_tile_attribution: str = ""
    # 행정동 centre points (the platform's file), for distances from a member's 동.
    centres_file: Path | None = BUNDLED_CENTROIDS


def build(context: PlatformContext, settings: MeetupSettings | None = None) -> ServiceModule:
    settings = settings or MeetupSettings()
    database = Database(
        settings.resolved_database_url(context.settings, NAME), Base.metadata, name=NAME
    )
    uow = context.uow_factory(database)
    meetups = Meetups(
        uow=uow,
        clock=context.clock,
        policy=MeetupPolicy(
            durations_minutes=tuple(sorted(set(settings.durations_minutes))),
            check_in_radius_m=settings.check_in_radius_m,
        ),
        tiles=MapTiles(
            url=settings.map_tile_url or None, attribution=settings.map_tile_attribution
        ),
        centres_file=settings.centres_file,
    )
    return ServiceModule(
        name=NAME,
        database=database,
        migrations_dir=Path(__file__).parent / "migrations",
        uow_factory=uow,
        routers=[router],
        handlers=[
            EventHandler(
                MemberCreated, handlers.on_member_created, name="meetup.on_member_created"
            ),
            EventHandler(
                NicknameChanged, handlers.on_nickname_changed, name="meetup.on_nickname_changed"
            ),
            EventHandler(
                ProfileChanged, handlers.on_profile_changed, name="meetup.on_profile_changed"
            ),
            EventHandler(
                NeighbourhoodVerified,
                handlers.on_neighbourhood_verified,
                name="meetup.on_neighbourhood_verified",
            ),
            EventHandler(
                MemberBlocked, handlers.on_member_blocked, name="meetup.on_member_blocked"
            ),
            EventHandler(
                MemberUnblocked, handlers.on_member_unblocked, name="meetup.on_member_unblocked"
            ),
            EventHandler(
                AccountDeleted, handlers.on_account_deleted, name="meetup.on_account_deleted"
            ),
        ],
        jobs=[
            JobHandler(REMIND_JOB, handlers.on_reminder_due),
            JobHandler(CLOSE_ATTENDANCE_JOB, handlers.on_attendance_due),
        ],
        dependencies=[meetups],
    )
