"""The moderators' audit log: written inside each decision's own transaction."""

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from mungmo.platform.db import UnitOfWork
from mungmo.platform.pagination import Keyset, PageRequest, SortKey
from mungmo.trust.models.moderation import ModerationAction, ModerationAuditEntry
from mungmo.trust.schemas.moderation import ModerationAuditEntryRead, ModerationAuditPage
from mungmo.trust.service.context import Trust

ADMIN_LABEL = "admin"
POLICY_LABEL = "policy"
MEMBER_LABEL = "member"

NEWEST_FIRST = Keyset(
    (
        SortKey(ModerationAuditEntry.created_at, datetime, descending=True),
        SortKey(ModerationAuditEntry.id, uuid.UUID, descending=True),
    )
)


@dataclass(frozen=True)
class AuditActor:
    """Who decides: an administrator, the reporter (filing), or the policy (no one)."""

    account_id: uuid.UUID | None
    label: str

    @classmethod
    def administrator(cls, account_id: uuid.UUID) -> "AuditActor":
        return cls(account_id=account_id, label=ADMIN_LABEL)


POLICY = AuditActor(account_id=None, label=POLICY_LABEL)


def record(
    uow: UnitOfWork,
    actor: AuditActor,
    action: ModerationAction,
    *,
    member_id: uuid.UUID,
    report_id: uuid.UUID | None = None,
    appeal_id: uuid.UUID | None = None,
    note: str | None = None,
    points: int | None = None,
) -> None:
    """No decision without its entry: it commits or rolls back with the change."""
    uow.session.add(
        ModerationAuditEntry(
            action=action.value,
            member_id=member_id,
            report_id=report_id,
            appeal_id=appeal_id,
            actor_id=actor.account_id,
            actor_label=actor.label,
            note=note,
            points=points,
            created_at=uow.clock(),
        )
    )


async def list_audit_entries(
    trust: Trust, page: PageRequest, *, member_id: uuid.UUID | None = None
) -> ModerationAuditPage:
    statement = select(ModerationAuditEntry)
    if member_id is not None:
        statement = statement.where(ModerationAuditEntry.member_id == member_id)
    async with trust.uow() as uow:
        entries = list(await uow.session.scalars(NEWEST_FIRST.select_page(statement, page)))
        return NEWEST_FIRST.page(
            entries,
            page,
            key=lambda entry: (entry.created_at, entry.id),
            read=lambda entry: ModerationAuditEntryRead.model_validate(entry, from_attributes=True),
            into=ModerationAuditPage,
        )
