"""The administrators' audit log: written inside each admin change's transaction, read in pages."""

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from mungmo.identity.models import Account, AdminAuditEntry, AuditAction
from mungmo.identity.schemas import AuditEntryPage, AuditEntryRead
from mungmo.identity.service.context import Identity
from mungmo.platform.db import UnitOfWork
from mungmo.platform.pagination import Keyset, PageRequest, SortKey

ADMIN_LABEL = "admin"

NEWEST_FIRST = Keyset(
    (
        SortKey(AdminAuditEntry.created_at, datetime, descending=True),
        SortKey(AdminAuditEntry.id, uuid.UUID, descending=True),
    )
)


@dataclass(frozen=True)
class AuditActor:
    """Who makes an admin change: an administrator's account, or the command line
    (no account; ``label`` says which operator)."""

    account_id: uuid.UUID | None
    label: str

    @classmethod
    def administrator(cls, account_id: uuid.UUID) -> "AuditActor":
        return cls(account_id=account_id, label=ADMIN_LABEL)


def record(
    uow: UnitOfWork,
    actor: AuditActor,
    action: AuditAction,
    target_account_id: uuid.UUID,
    reason: str,
    role: str | None = None,
) -> None:
    """Adds the entry to the change's own transaction: no change without its record."""
    uow.session.add(
        AdminAuditEntry(
            action=action.value,
            target_account_id=target_account_id,
            role=role,
            reason=reason,
            actor_account_id=actor.account_id,
            actor_label=actor.label,
            created_at=uow.clock(),
        )
    )


def _read(entry: AdminAuditEntry, nicknames: dict[uuid.UUID, str]) -> AuditEntryRead:
    def nickname(account_id: uuid.UUID | None) -> str | None:
        # A deleted account keeps an empty nickname: show none rather than "".
        return nicknames.get(account_id) or None if account_id is not None else None

    return AuditEntryRead.model_validate(
        {
            "id": entry.id,
            "action": entry.action,
            "target_account_id": entry.target_account_id,
            "target_nickname": nickname(entry.target_account_id),
            "role": entry.role,
            "reason": entry.reason,
            "actor_account_id": entry.actor_account_id,
            "actor_nickname": nickname(entry.actor_account_id),
            "actor_label": entry.actor_label,
            "created_at": entry.created_at,
        }
    )


async def list_audit_entries(
    identity: Identity, page: PageRequest, *, account_id: uuid.UUID | None = None
) -> AuditEntryPage:
    """Newest first; only one account's entries when ``account_id`` is given."""
    statement = select(AdminAuditEntry)
    if account_id is not None:
        statement = statement.where(AdminAuditEntry.target_account_id == account_id)
    async with identity.uow() as uow:
        entries = list(await uow.session.scalars(NEWEST_FIRST.select_page(statement, page)))
        involved = {entry.target_account_id for entry in entries} | {
            entry.actor_account_id for entry in entries if entry.actor_account_id is not None
        }
        nicknames: dict[uuid.UUID, str] = {}
        if involved:
            rows = await uow.session.execute(
                select(Account.id, Account.nickname).where(Account.id.in_(list(involved)))
            )
            nicknames = {row_id: nickname for row_id, nickname in rows}
        # Inside the transaction: the rows expire when it ends.
        return NEWEST_FIRST.page(
            entries,
            page,
            key=lambda entry: (entry.created_at, entry.id),
            read=lambda entry: _read(entry, nicknames),
            into=AuditEntryPage,
        )
