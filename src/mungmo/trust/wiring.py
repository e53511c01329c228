"""Builds the trust service: database, policy, router, event subscriptions."""

from datetime import timedelta
from functools import partial
from pathlib import Path

from pydantic import field_validator
from pydantic_settings import SettingsConfigDict

from mungmo.contracts.identity import (
    AccountBanned,
    AccountDeleted,
    AccountRegistered,
    AccountUnbanned,
    NicknameChanged,
)
from mungmo.contracts.media import MediaUploaded
from mungmo.contracts.meetup import MeetupReviewSubmitted, NoShowRecorded
from mungmo.contracts.trust import ReportType
from mungmo.platform.config import ServiceSettings
from mungmo.platform.db import Database
from mungmo.platform.events.consumer import EventHandler
from mungmo.platform.ratelimit import RateLimiter
from mungmo.platform.scheduling import JobHandler
from mungmo.platform.service import PlatformContext, ServiceModule
from mungmo.trust.api import router
from mungmo.trust.domain.score import FIXED_REPORT_PENALTIES
from mungmo.trust.handlers import reports as report_handlers
from mungmo.trust.handlers import scores as score_handlers
from mungmo.trust.models import Base
from mungmo.trust.service.context import ReportPolicy, Trust, TrustPolicy
from mungmo.trust.service.scoring import END_SUSPENSION_JOB

NAME = "trust"


class TrustSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="MUNGMO_TRUST_", extra="ignore")

    # Reaching 0 suspends writes this long (SPEC: 30 days; fractions for tests).
    suspension_days: float = 30
    # A repeat report of one member by one reporter within this time joins the open one.
    report_merge_hours: float = 24
    reports_per_hour: int = 10
    # Report types upheld on filing without review (JSON list, e.g. '["romance"]');
    # only types with a fixed penalty (romance, dog). Default: all reviewed by hand.
    automatic_report_types: frozenset[ReportType] = frozenset()

    @field_validator("automatic_report_types")
    @classmethod
    def _only_fixed_penalties(cls, types: frozenset[ReportType]) -> frozenset[ReportType]:
        unfixed = sorted(set(types) - set(FIXED_REPORT_PENALTIES))
        if unfixed:
            raise ValueError(f"only romance and dog can be automatic, not {unfixed}")
        return types


def _report_handlers() -> list[EventHandler]:
    handlers = report_handlers
    return [
        EventHandler(
            AccountRegistered, handlers.on_account_registered, name="trust.on_account_registered"
        ),
        EventHandler(
            NicknameChanged, handlers.on_nickname_changed, name="trust.on_nickname_changed"
        ),
        EventHandler(AccountDeleted, handlers.on_account_deleted, name="trust.on_account_deleted"),
        EventHandler(AccountBanned, handlers.on_account_banned, name="trust.on_account_banned"),
        EventHandler(
            AccountUnbanned, handlers.on_account_unbanned, name="trust.on_account_unbanned"
        ),
        EventHandler(MediaUploaded, handlers.on_media_uploaded, name="trust.on_media_uploaded"),
    ]


def build(context: PlatformContext, settings: TrustSettings | None = None) -> ServiceModule:
    settings = settings or TrustSettings()
    database = Database(
        settings.resolved_database_url(context.settings, NAME), Base.metadata, name=NAME
    )
    uow = context.uow_factory(database)
    policy = TrustPolicy(suspension=timedelta(days=settings.suspension_days))
    trust = Trust(
        uow=uow,
        clock=context.clock,
        policy=policy,
        reports=ReportPolicy(
            merge_window=timedelta(hours=settings.report_merge_hours),
            automatic_types=frozenset(settings.automatic_report_types),
        ),
        reports_per_reporter=RateLimiter(settings.reports_per_hour, 3600),
    )
    return ServiceModule(
        name=NAME,
        database=database,
        migrations_dir=Path(__file__).parent / "migrations",
        uow_factory=uow,
        routers=[router],
        handlers=[
            EventHandler(
                MeetupReviewSubmitted,
                partial(score_handlers.on_meetup_review_submitted, policy=policy),
                name="trust.on_meetup_review_submitted",
            ),
            EventHandler(
                NoShowRecorded,
                partial(score_handlers.on_no_show_recorded, policy=policy),
                name="trust.on_no_show_recorded",
            ),
            *_report_handlers(),
        ],
        jobs=[
            JobHandler(
                END_SUSPENSION_JOB,
                partial(score_handlers.on_suspension_due, policy=policy),
            )
        ],
        dependencies=[trust],
    )
