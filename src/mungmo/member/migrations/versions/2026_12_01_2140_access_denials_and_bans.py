"""access denials; members.banned_at

Revision ID: 7c2e9d4a1f58
Revises: de990c277ef4
Create Date: 2026-12-01 21:40:00

Access tokens of banned or deleted accounts are refused through this table, which the
service's own consumer fills from identity's events (see mungmo.platform.deny_list).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from mungmo.platform.db import types

revision: str = "7c2e9d4a1f58"
down_revision: str | None = "de990c277ef4"
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
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.add_column(sa.Column("banned_at", types.UtcDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.drop_column("banned_at")
    with op.batch_alter_table("access_denials", schema=None) as batch_op:
        batch_op.drop_index("ix_access_denials_denied_since")
    op.drop_table("access_denials")
