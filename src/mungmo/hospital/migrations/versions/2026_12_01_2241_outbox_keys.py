"""outbox keys

Revision ID: d16e0c7d2f14
Revises: d16e0c7d2f04
Create Date: 2026-12-01 22:41:00

One row per event key, locked by every transaction that emits for the key, so the
outbox sequence follows commit order per key whatever else the use case locked.
"""

from collections.abc import Sequence

from mungmo.platform.db.messaging_migrations import create_outbox_keys, drop_outbox_keys

revision: str = "d16e0c7d2f14"
down_revision: str | None = "d16e0c7d2f04"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    create_outbox_keys()


def downgrade() -> None:
    drop_outbox_keys()
