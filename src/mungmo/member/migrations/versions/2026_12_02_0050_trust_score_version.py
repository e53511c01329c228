"""trust score version

Revision ID: 3c1f0e7a9b52
Revises: b16e0c7d2f12
Create Date: 2026-12-02 00:50:00

The member card's score is a projection of the trust service's TrustScoreChanged; the
version column keeps a late or repeated event from moving it backwards.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "3c1f0e7a9b52"
down_revision: str | None = "b16e0c7d2f12"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("trust_score_version", sa.Integer(), nullable=False, server_default="0")
        )


def downgrade() -> None:
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.drop_column("trust_score_version")
