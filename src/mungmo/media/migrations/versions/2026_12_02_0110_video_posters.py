"""video posters

Revision ID: 7e2a9c41d5b8
Revises: c16e0c7d2f13
Create Date: 2026-12-02 01:10:00

Videos are stored with a poster frame and their length; images leave these empty.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "7e2a9c41d5b8"
down_revision: str | None = "c16e0c7d2f13"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("media", schema=None) as batch_op:
        batch_op.add_column(sa.Column("poster_key", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("poster_content_type", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("poster_sha256", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("duration_ms", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("media", schema=None) as batch_op:
        batch_op.drop_column("duration_ms")
        batch_op.drop_column("poster_sha256")
        batch_op.drop_column("poster_content_type")
        batch_op.drop_column("poster_key")
