"""The ``access_denials`` table every service keeps in its own database.

Fed from identity's ban, unban and deletion events by each service's own consumer; the
deny list reads it so a service refuses a revoked account's access tokens at once.
"""

from typing import Literal

from sqlalchemy import Column, Index, MetaData, String, Table, Uuid

from mungmo.platform.db.types import UtcDateTime

ACCESS_DENIALS = "access_denials"

# roles_changed: the token's roles are stale; the client refreshes and carries on.
DenialReason = Literal["roles_changed", "banned", "deleted"]


def define_access_denials(metadata: MetaData) -> Table:
    return Table(
        ACCESS_DENIALS,
        metadata,
        Column("account_id", Uuid, primary_key=True),
        # Tokens issued at or before this moment are refused (for a deletion: all).
        Column("denied_since", UtcDateTime, nullable=False),
        Column("reason", String(16), nullable=False),
        Index("ix_access_denials_denied_since", "denied_since"),
    )


def access_denials(metadata: MetaData) -> Table:
    return metadata.tables[ACCESS_DENIALS]
