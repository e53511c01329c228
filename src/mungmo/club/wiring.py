"""Builds the club service: database, policy, router, event subscriptions, jobs."""

from datetime import timedelta
from pathlib import Path

from pydantic_settings import SettingsConfigDict

from mungmo.club import handlers
from mungmo.club.api import router
from mungmo.club.api.socket import CHAT_CHANNEL, VISIBILITY_CHANNEL
from mungmo.club.models import Base
from mungmo.club.service.chat import posted_read
from mungmo.club.service.context import ClubPolicy, Clubs
from mungmo.club.service.reminders import REMINDER_JOB
from mungmo.contracts.club import (
    ChatMessageDeleted,
    ChatMessagePosted,
    ChatVisibilityChanged,
    ClubMemberRemoved,
)
from mungmo.contracts.identity import AccountDeleted, AccountRegistered, NicknameChanged
from mungmo.contracts.media import MediaUploaded
from mungmo.contracts.member import MemberBlocked, MemberUnblocked, NeighbourhoodVerified
from mungmo.platform.auth import Actor
from mungmo.platform.config import ServiceSettings
from mungmo.platform.db import Database
from mungmo.platform.events.consumer import EventHandler
from mungmo.platform.ratelimit import RateLimiter
from mungmo.platform.realtime import RealtimeFeed
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


def _socket_only(_actor: Actor, _channel: str) -> bool:
    # The chat's content goes to members only: through the club's own socket, which
    # checks membership and blocks, never the platform's SSE stream.
    return False


def _feeds() -> list[RealtimeFeed]:
    """Every instance's hub hears these from the log and hands them to its sockets."""
    return [
        RealtimeFeed(
            event=ChatMessagePosted,
            prefix=CHAT_CHANNEL,
            channel=lambda e: f"{CHAT_CHANNEL}{e.club_id}",
            data=lambda e: {"type": "message", **posted_read(e).model_dump(mode="json")},
            name="chat_message",
            may_listen=_socket_only,
        ),
        RealtimeFeed(
            event=ChatMessageDeleted,
            prefix=CHAT_CHANNEL,
            channel=lambda e: f"{CHAT_CHANNEL}{e.club_id}",
            data=lambda e: {"type": "deleted", "message_id": str(e.message_id), "seq": e.seq},
            name="chat_message_deleted",
            may_listen=_socket_only,
        ),
        RealtimeFeed(
            event=ClubMemberRemoved,
            prefix=CHAT_CHANNEL,
            channel=lambda e: f"{CHAT_CHANNEL}{e.club_id}",
            data=lambda e: {
                "type": "member_removed",
                "member_id": str(e.member_id),
                "reason": e.reason,
            },
            name="club_member_removed",
            may_listen=_socket_only,
        ),
        RealtimeFeed(
            event=ChatVisibilityChanged,
            prefix=VISIBILITY_CHANNEL,
            channel=lambda _e: VISIBILITY_CHANNEL,
            data=lambda e: {"type": "visibility", "member_ids": [str(m) for m in e.member_ids]},
            name="chat_visibility",
            may_listen=_socket_only,
        ),
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
        realtime=_feeds(),
    )
