"""account roles table and the admin audit log

Revision ID: 008fa77c47bb
Revises: 5cf5decd79e2
Create Date: 2026-12-01 21:35:00

Moves ``accounts.roles`` (a comma-separated string) into ``account_roles``, one row
per granted role; ``member`` is implied for every account and not stored.
"""

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from mungmo.platform.db import types

revision: str = "008fa77c47bb"
down_revision: str | None = "5cf5decd79e2"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_accounts = sa.table(
    "accounts", sa.column("id", sa.Uuid()), sa.column("roles", sa.String(length=100))
)
_account_roles = sa.table(
    "account_roles",
    sa.column("id", sa.Uuid()),
    sa.column("account_id", sa.Uuid()),
    sa.column("role", sa.String(length=20)),
    sa.column("granted_at", types.UtcDateTime()),
    sa.column("granted_by", sa.Uuid()),
)


def upgrade() -> None:
    op.create_table(
        "account_roles",
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("granted_at", types.UtcDateTime(), nullable=False),
        sa.Column("granted_by", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_account_roles")),
        sa.UniqueConstraint("account_id", "role", name=op.f("uq_account_roles_account_id")),
    )
    with op.batch_alter_table("account_roles", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_account_roles_account_id"), ["account_id"], unique=False
        )

    op.create_table(
        "admin_audit_entries",
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("target_account_id", sa.Uuid(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=True),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("actor_account_id", sa.Uuid(), nullable=True),
        sa.Column("actor_label", sa.String(length=64), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", types.UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_admin_audit_entries")),
    )
    with op.batch_alter_table("admin_audit_entries", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_admin_audit_entries_target_account_id"),
            ["target_account_id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_admin_audit_entries_created_at"), ["created_at"], unique=False
        )

    connection = op.get_bind()
    now = datetime.now(UTC)
    granted = [
        {
            "id": uuid.uuid4(),
            "account_id": account_id,
            "role": role,
            "granted_at": now,
            "granted_by": None,
        }
        for account_id, roles in connection.execute(sa.select(_accounts.c.id, _accounts.c.roles))
        for role in sorted({part.strip() for part in (roles or "").split(",")})
        if role and role != "member"
    ]
    if granted:
        op.bulk_insert(_account_roles, granted)

    with op.batch_alter_table("accounts", schema=None) as batch_op:
        batch_op.drop_column("roles")


def downgrade() -> None:
    with op.batch_alter_table("accounts", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("roles", sa.String(length=100), nullable=False, server_default="member")
        )
    connection = op.get_bind()
    held: dict[uuid.UUID, list[str]] = {}
    for account_id, role in connection.execute(
        sa.select(_account_roles.c.account_id, _account_roles.c.role)
    ):
        held.setdefault(account_id, []).append(role)
    for account_id, roles in held.items():
        connection.execute(
            sa.update(_accounts)
            .where(_accounts.c.id == account_id)
            .values(roles=",".join(["member", *sorted(roles)]))
        )

    with op.batch_alter_table("admin_audit_entries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_admin_audit_entries_created_at"))
        batch_op.drop_index(batch_op.f("ix_admin_audit_entries_target_account_id"))
    op.drop_table("admin_audit_entries")
    with op.batch_alter_table("account_roles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_account_roles_account_id"))
    op.drop_table("account_roles")
