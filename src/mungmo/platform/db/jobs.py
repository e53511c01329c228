"""The ``scheduled_jobs`` table of a service that runs durable scheduled jobs
(``service_metadata(scheduled_jobs=True)``; see ``mungmo.platform.scheduling``)."""

from sqlalchemy import (
    JSON,
    Column,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    Uuid,
)

from mungmo.platform.db.types import UtcDateTime

SCHEDULED_JOBS = "scheduled_jobs"


def define_scheduled_jobs(metadata: MetaData) -> Table:
    return Table(
        SCHEDULED_JOBS,
        metadata,
        Column("id", Uuid, primary_key=True),
        # What to run (a registered handler) and for what: (kind, job_key) is unique, so
        # scheduling the same job twice keeps one.
        Column("kind", String(100), nullable=False),
        Column("job_key", String(200), nullable=False),
        Column("payload", JSON, nullable=False),
        Column("due_at", UtcDateTime, nullable=False),
        # pending → done (ran), cancelled, or failed (gave up after max attempts).
        Column("state", String(12), nullable=False),
        Column("attempts", Integer, nullable=False),
        # The instance running it and until when; an expired lease is taken over.
        Column("lease_holder", String(64), nullable=True),
        Column("lease_expires_at", UtcDateTime, nullable=True),
        Column("last_error", Text, nullable=True),
        Column("created_at", UtcDateTime, nullable=False),
        Column("finished_at", UtcDateTime, nullable=True),
        UniqueConstraint("kind", "job_key", name="uq_scheduled_jobs_kind_key"),
        Index("ix_scheduled_jobs_due", "state", "due_at"),
    )


def scheduled_jobs(metadata: MetaData) -> Table:
    return metadata.tables[SCHEDULED_JOBS]


def create_scheduled_jobs_table() -> None:
    """The Alembic step that adds the table to a service's history."""
    import sqlalchemy as sa
    from alembic import op

    from mungmo.platform.db import types

    op.create_table(
        SCHEDULED_JOBS,
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=100), nullable=False),
        sa.Column("job_key", sa.String(length=200), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("due_at", types.UtcDateTime(), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("lease_holder", sa.String(length=64), nullable=True),
        sa.Column("lease_expires_at", types.UtcDateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("created_at", types.UtcDateTime(), nullable=False),
        sa.Column("finished_at", types.UtcDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scheduled_jobs")),
        sa.UniqueConstraint("kind", "job_key", name="uq_scheduled_jobs_kind_key"),
    )
    op.create_index("ix_scheduled_jobs_due", SCHEDULED_JOBS, ["state", "due_at"], unique=False)


def drop_scheduled_jobs_table() -> None:
    from alembic import op

    op.drop_index("ix_scheduled_jobs_due", table_name=SCHEDULED_JOBS)
    op.drop_table(SCHEDULED_JOBS)
