"""Looking into the identity database and its outbox from tests."""

import json
import uuid
from typing import Any

from sqlalchemy import select, update

from mungmo.identity.models import Account
from tests.support.app import RunningApp


def identity_database(app: RunningApp) -> Any:
    return next(m.database for m in app.runtime.modules if m.name == "identity")


async def stored_account(app: RunningApp, account_id: str | uuid.UUID) -> Account | None:
    async with identity_database(app).session() as session:
        found: Account | None = await session.get(Account, uuid.UUID(str(account_id)))
        return found


async def make_admin(app: RunningApp, account_id: str) -> None:
    async with identity_database(app).session() as session, session.begin():
        await session.execute(
            update(Account).where(Account.id == uuid.UUID(account_id)).values(roles="member,admin")
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
