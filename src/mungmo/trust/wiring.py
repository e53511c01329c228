"""Builds the trust service: database, policy, router, event subscriptions."""

from datetime import timedelta
from functools import partial
from pathlib import Path

from pydantic_settings import SettingsConfigDict

from mungmo.contracts.meetup import MeetupReviewSubmitted, NoShowRecorded
from mungmo.platform.config import ServiceSettings
from mungmo.platform.db import Database
from mungmo.platform.events.consumer import EventHandler
from mungmo.platform.scheduling import JobHandler
from mungmo.platform.service import PlatformContext, ServiceModule
from mungmo.trust.api import router
from mungmo.trust.handlers import scores as score_handlers
from mungmo.trust.models import Base
from mungmo.trust.service.context import Trust, TrustPolicy
from mungmo.trust.service.scoring import END_SUSPENSION_JOB

NAME = "trust"


class TrustSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="MUNGMO_TRUST_", extra="ignore")

    # Reaching 0 suspends writes this long (SPEC: 30 days; fractions for tests).
    suspension_days: float = 30


def build(context: PlatformContext, settings: TrustSettings | None = None) -> ServiceModule:
    settings = settings or TrustSettings()
    database = Database(
        settings.resolved_database_url(context.settings, NAME), Base.metadata, name=NAME
    )
    uow = context.uow_factory(database)
    policy = TrustPolicy(suspension=timedelta(days=settings.suspension_days))
    trust = Trust(uow=uow, clock=context.clock, policy=policy)
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
        ],
        jobs=[
            JobHandler(
                END_SUSPENSION_JOB,
                partial(score_handlers.on_suspension_due, policy=policy),
            )
        ],
        dependencies=[trust],
    )
