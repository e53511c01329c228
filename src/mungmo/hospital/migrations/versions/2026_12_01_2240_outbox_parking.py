"""outbox parking

Revision ID: d16e0c7d2f04
Revises: 0cdca7817804
Create Date: 2026-12-01 22:40:00

Outbox rows the event log refuses for good are parked after a few attempts instead of
failing every relay round (see mungmo.platform.events.relay).
"""

from collections.abc import Sequence

from mungmo.platform.db.messaging_migrations import add_outbox_parking, drop_outbox_parking

revision: str = "d16e0c7d2f04"
down_revision: str | None = "0cdca7817804"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    add_outbox_parking()


def downgrade() -> None:
    drop_outbox_parking()
