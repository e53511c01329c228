"""Copies trust keeps from other services' events: members' nicknames and deletions
(identity) and evidence uploads (media). Each runs on the consumer's unit of work."""

import uuid
from datetime import datetime

from sqlalchemy import delete

from mungmo.platform.db import UnitOfWork
from mungmo.trust.models.reports import EvidenceUpload, KnownMember

EVIDENCE_PURPOSE = "report_evidence"


async def record_member(
    uow: UnitOfWork, *, member_id: uuid.UUID, nickname: str, registered_at: datetime
) -> None:
    async with uow:
        if await uow.session.get(KnownMember, member_id) is None:
            uow.session.add(
                KnownMember(member_id=member_id, nickname=nickname, registered_at=registered_at)
            )
        await uow.commit()


async def rename_member(uow: UnitOfWork, *, member_id: uuid.UUID, nickname: str) -> None:
    async with uow:
        member = await uow.session.get(KnownMember, member_id)
        if member is not None and not member.is_deleted:
            member.nickname = nickname
        await uow.commit()


async def forget_member(uow: UnitOfWork, *, member_id: uuid.UUID, deleted_at: datetime) -> None:
    """The account was deleted: no nickname is kept, and the member cannot be reported.
    Their evidence uploads were erased by media; the copy goes too."""
    async with uow:
        member = await uow.session.get(KnownMember, member_id)
        if member is None:
            member = KnownMember(member_id=member_id, nickname="", registered_at=deleted_at)
            uow.session.add(member)
        member.nickname = ""
        member.deleted_at = deleted_at
        await uow.session.execute(
            delete(EvidenceUpload).where(EvidenceUpload.owner_id == member_id)
        )
        await uow.commit()


async def record_evidence_upload(
    uow: UnitOfWork,
    *,
    media_id: uuid.UUID,
    owner_id: uuid.UUID,
    kind: str,
    content_type: str,
    purpose: str,
    duration_ms: int | None,
    uploaded_at: datetime,
) -> None:
    """Only report evidence is kept: other uploads are never accepted as evidence."""
    async with uow:
        if purpose == EVIDENCE_PURPOSE and await uow.session.get(EvidenceUpload, media_id) is None:
            uow.session.add(
                EvidenceUpload(
                    media_id=media_id,
                    owner_id=owner_id,
                    kind=kind,
                    content_type=content_type,
                    duration_ms=duration_ms,
                    uploaded_at=uploaded_at,
                )
            )
        await uow.commit()
