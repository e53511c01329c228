"""Declarative base per service: each service has its own metadata and database."""

import uuid
from datetime import datetime

from sqlalchemy import MetaData, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from mungmo.platform.clock import utc_now
from mungmo.platform.db.denials import define_access_denials
from mungmo.platform.db.jobs import define_scheduled_jobs
from mungmo.platform.db.messaging import MessagingTables
from mungmo.platform.db.types import UtcDateTime
from mungmo.platform.ids import new_id

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def service_metadata(*, scheduled_jobs: bool = False) -> MetaData:
    """Metadata for one service's database, including its outbox, inbox and access
    denial tables (and ``scheduled_jobs`` for a service that runs scheduled jobs).

    Each service declares ``class Base(DeclarativeBase): metadata = service_metadata()``.
    """
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    MessagingTables.define(metadata)
    define_access_denials(metadata)
    if scheduled_jobs:
        define_scheduled_jobs(metadata)
    return metadata


class IdMixin:
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)


class TimestampMixin:
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now, nullable=False)
