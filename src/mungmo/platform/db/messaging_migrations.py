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
