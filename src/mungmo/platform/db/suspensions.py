"""The ``write_suspensions`` table every service keeps in its own database.

Fed from trust's ``MemberSuspended`` and ``SuspensionEnded`` by each service's own
consumer; the deny list reads it so every service refuses a suspended member's writes
(``trust.suspended``) while reads and log-in go on.
"""

from sqlalchemy import Column, Index, MetaData, Table, Uuid

from mungmo.platform.db.types import UtcDateTime

WRITE_SUSPENSIONS = "write_suspensions"


def define_write_suspensions(metadata: MetaData) -> Table:
    return Table(
        WRITE_SUSPENSIONS,
        metadata,
        Column("account_id", Uuid, primary_key=True),
        # Which suspension: an end for an older one must not lift a newer one.
        Column("suspension_id", Uuid, nullable=False),
        Column("suspended_until", UtcDateTime, nullable=False),
        Index("ix_write_suspensions_until", "suspended_until"),
    )


def write_suspensions(metadata: MetaData) -> Table:
    return metadata.tables[WRITE_SUSPENSIONS]


def create_write_suspensions_table() -> None:
    """The Alembic step that adds the table to a service's history."""
    import sqlalchemy as sa
    from alembic import op

    from mungmo.platform.db import types

    op.create_table(
        WRITE_SUSPENSIONS,
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("suspension_id", sa.Uuid(), nullable=False),
        sa.Column("suspended_until", types.UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("account_id", name=op.f("pk_write_suspensions")),
    )
    op.create_index(
        "ix_write_suspensions_until", WRITE_SUSPENSIONS, ["suspended_until"], unique=False
    )


def drop_write_suspensions_table() -> None:
    from alembic import op

    op.drop_index("ix_write_suspensions_until", table_name=WRITE_SUSPENSIONS)
    op.drop_table(WRITE_SUSPENSIONS)
