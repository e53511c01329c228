"""Looking into the identity database and its outbox from tests."""

import json
import uuid
from typing import Any

from sqlalchemy import select

from mungmo.identity.models import Account, AccountRole, Role
from mungmo.platform.clock import utc_now
from tests.support.app import RunningApp


def identity_database(app: RunningApp) -> Any:
    return next(m.database for m in app.runtime.modules if m.name == "identity")


async def stored_account(app: RunningApp, account_id: str | uuid.UUID) -> Account | None:
    async with identity_database(app).session() as session:
        found: Account | None = await session.get(Account, uuid.UUID(str(account_id)))
        return found


async def make_admin(app: RunningApp, account_id: str) -> None:
    """Grants admin straight in the database (tests of the grant itself use the API/CLI)."""
    async with identity_database(app).session() as session, session.begin():
        session.add(
            AccountRole(
                account_id=uuid.UUID(account_id), role=Role.ADMIN.value, granted_at=utc_now()
            )
        )


async def emitted(app: RunningApp, event_type: str, key: str) -> list[dict[str, Any]]:
    """Payloads of ``event_type`` for ``key`` in identity's outbox, oldest first."""
    outbox = identity_database(app).messaging.outbox
    async with identity_database(app).session() as session:
        rows = await session.execute(
            select(outbox.c.payload)
            .where(outbox.c.event_type == event_type, outbox.c.event_key == key)
            .order_by(outbox.c.seq)
        )
        return [json.loads(payload) for (payload,) in rows]
