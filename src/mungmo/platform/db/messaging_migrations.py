"""Alembic steps for the messaging tables every service database carries, so each
service's migration history applies the same change the same way."""

import sqlalchemy as sa
from alembic import op

from mungmo.platform.db import types


def add_outbox_parking() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("publish_attempts", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.add_column(sa.Column("parked_at", types.UtcDateTime(), nullable=True))
        batch_op.add_column(sa.Column("park_reason", sa.Text(), nullable=True))
        batch_op.create_index("ix_outbox_parked_at", ["parked_at"], unique=False)


def drop_outbox_parking() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index("ix_outbox_parked_at")
        batch_op.drop_column("park_reason")
        batch_op.drop_column("parked_at")
        batch_op.drop_column("publish_attempts")


def create_outbox_keys() -> None:
    op.create_table(
        "outbox_keys",
        sa.Column("topic", sa.String(length=200), nullable=False),
        sa.Column("event_key", sa.String(length=200), nullable=False),
        sa.Column("emits", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("topic", "event_key", name=op.f("pk_outbox_keys")),
    )


def drop_outbox_keys() -> None:
    op.drop_table("outbox_keys")
