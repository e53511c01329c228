"""write suspensions

Revision ID: 5a7e0b1c2d03
Revises: 7e2a9c41d5b8
Create Date: 2026-12-02 00:44:00

Trust's MemberSuspended / SuspensionEnded recorded in every service's own database, so
each refuses a suspended member's writes (see mungmo.platform.deny_list).
"""

from collections.abc import Sequence

from mungmo.platform.db.suspensions import (
    create_write_suspensions_table,
    drop_write_suspensions_table,
)

revision: str = "5a7e0b1c2d03"
down_revision: str | None = "7e2a9c41d5b8"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    create_write_suspensions_table()


def downgrade() -> None:
    drop_write_suspensions_table()
