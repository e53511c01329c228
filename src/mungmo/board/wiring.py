"""Builds the board service: database, policy, router, event subscriptions, the 인기글
job and the live comments of the real-time channel."""

from datetime import timedelta
from functools import partial
from pathlib import Path
from typing import Any

from pydantic_settings import SettingsConfigDict

from mungmo.board import handlers
from mungmo.board.api import router
from mungmo.board.domain.popularity import PopularityPolicy
from mungmo.board.models import Base
from mungmo.board.service import POPULARITY_JOB, BoardPolicy, Boards, schedule_popularity
from mungmo.contracts.board import CommentWritten, post_channel
from mungmo.contracts.identity import AccountDeleted, AccountRegistered, NicknameChanged
from mungmo.contracts.media import MediaUploaded
from mungmo.contracts.meetup import MeetupReviewPostWritten
from mungmo.contracts.member import (
    MemberBlocked,
    MemberUnblocked,
    NeighbourhoodVerified,
    ProfileChanged,
)
from mungmo.platform.config import ServiceSettings
from mungmo.platform.db import Database
from mungmo.platform.events.consumer import EventHandler
from mungmo.platform.logging import get_logger
from mungmo.platform.ratelimit import RateLimiter
from mungmo.platform.realtime import RealtimeFeed
from mungmo.platform.scheduling import JobHandler
from mungmo.platform.service import PlatformContext, ServiceModule

NAME = "board"
log = get_logger(__name__)


class BoardSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="MUNGMO_BOARD_", extra="ignore")

    # How often 인기글 is recomputed, and what counts (docs/board.md).
    popularity_refresh_seconds: float = 300
    popularity_window_days: float = 7
    popularity_half_life_hours: float = 24
    popularity_min: float = 6
    posts_per_hour: int = 30


def _handlers() -> list[EventHandler]:
    def handler(event: Any, function: Any) -> EventHandler:
        return EventHandler(event, function, name=f"board.{function.__name__}")

    return [
        handler(AccountRegistered, handlers.on_account_registered),
        handler(NicknameChanged, handlers.on_nickname_changed),
        handler(AccountDeleted, handlers.on_account_deleted),
        handler(ProfileChanged, handlers.on_profile_changed),
        handler(NeighbourhoodVerified, handlers.on_neighbourhood_verified),
        handler(MemberBlocked, handlers.on_member_blocked),
        handler(MemberUnblocked, handlers.on_member_unblocked),
        handler(MediaUploaded, handlers.on_media_uploaded),
        handler(MeetupReviewPostWritten, handlers.on_meetup_review_post_written),
    ]


# Live comments: a client with a post open hears which comment was written (ids only;
# it loads the comment through the API, which leaves out members blocked either way).
LIVE_COMMENTS = RealtimeFeed(
    event=CommentWritten,
    prefix="board.post.",
    channel=lambda event: post_channel(event.post_id),
    data=lambda event: {
        "post_id": str(event.post_id),
        "comment_id": str(event.comment_id),
        "parent_id": str(event.parent_id) if event.parent_id else None,
    },
    name="comment_written",
)


def build(context: PlatformContext, settings: BoardSettings | None = None) -> ServiceModule:
    settings = settings or BoardSettings()
    database = Database(
        settings.resolved_database_url(context.settings, NAME), Base.metadata, name=NAME
    )
    uow = context.uow_factory(database)
    policy = BoardPolicy(
        popularity=PopularityPolicy(
            window=timedelta(days=settings.popularity_window_days),
            half_life=timedelta(hours=settings.popularity_half_life_hours),
            min_popularity=settings.popularity_min,
        ),
        popularity_every=timedelta(seconds=settings.popularity_refresh_seconds),
    )
    boards = Boards(
        uow=uow,
        clock=context.clock,
        policy=policy,
        posts_per_member=RateLimiter(settings.posts_per_hour, 3600),
    )

    async def start_popularity() -> None:
        try:
            await schedule_popularity(boards)
        except Exception as error:
            log.warning("board.popularity_schedule_failed", error=str(error))

    return ServiceModule(
        name=NAME,
        database=database,
        migrations_dir=Path(__file__).parent / "migrations",
        uow_factory=uow,
        routers=[router],
        handlers=_handlers(),
        jobs=[
            JobHandler(
                POPULARITY_JOB,
                partial(handlers.on_popularity_due, policy=policy, clock=context.clock),
            )
        ],
        dependencies=[boards],
        background=[start_popularity],
        realtime=[LIVE_COMMENTS],
    )
