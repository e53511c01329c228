"""access denials

Revision ID: 3b1f6c2d9a47
Revises: 4547eb7b7ed4
Create Date: 2026-12-01 21:40:00

Access tokens of banned or deleted accounts are refused through this table, which the
service's own consumer fills from identity's events (see mungmo.platform.deny_list).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from mungmo.platform.db import types

revision: str = "3b1f6c2d9a47"
down_revision: str | None = "4547eb7b7ed4"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "access_denials",
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("denied_since", types.UtcDateTime(), nullable=False),
        sa.Column("reason", sa.String(length=16), nullable=False),
        sa.PrimaryKeyConstraint("account_id", name=op.f("pk_access_denials")),
    )
    with op.batch_alter_table("access_denials", schema=None) as batch_op:
        batch_op.create_index("ix_access_denials_denied_since", ["denied_since"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("access_denials", schema=None) as batch_op:
        batch_op.drop_index("ix_access_denials_denied_since")
    op.drop_table("access_denials")
