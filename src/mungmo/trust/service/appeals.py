"""Appeals: the reported member appeals an upheld report once; an administrator
accepts (exactly that report's penalty is given back, through a reversal cause) or
rejects. Both are audited and announced (AppealDecided)."""

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from mungmo.contracts.trust import AppealDecided
from mungmo.platform.auth import Actor
from mungmo.platform.pagination import Keyset, PageRequest, SortKey
from mungmo.trust.domain import score
from mungmo.trust.errors import (
    AppealAlreadyDecided,
    AppealExists,
    AppealNotAllowed,
    AppealNotFound,
)
from mungmo.trust.models.moderation import (
    ACCEPTED,
    PENDING,
    REJECTED,
    Appeal,
    ModerationAction,
)
from mungmo.trust.models.reports import RESOLVED, Report
from mungmo.trust.schemas.moderation import QueueAppealPage, QueueAppealRead
from mungmo.trust.schemas.reports import AppealCreate, AppealPage, AppealRead, AppealStatus
from mungmo.trust.service.audit import AuditActor, record
from mungmo.trust.service.context import Trust
from mungmo.trust.service.history import appeal_fields
from mungmo.trust.service.report_reads import nicknames
from mungmo.trust.service.scoring import apply_score_cause, lock_score

NEWEST_FIRST = Keyset(
    (
        SortKey(Appeal.created_at, datetime, descending=True),
        SortKey(Appeal.id, uuid.UUID, descending=True),
    )
)
OLDEST_FIRST = Keyset((SortKey(Appeal.created_at, datetime), SortKey(Appeal.id, uuid.UUID)))


def _read(appeal: Appeal, report_type: str) -> AppealRead:
    return AppealRead.model_validate(
        {
            "id": appeal.id,
            "report_id": appeal.report_id,
            "report_type": report_type,
            "text": appeal.text,
            "status": appeal.status,
            "created_at": appeal.created_at,
            "decided_at": appeal.decided_at,
            "restored": appeal.restored,
        }
    )


async def file_appeal(trust: Trust, actor: Actor, data: AppealCreate) -> AppealRead:
    async with trust.uow() as uow:
        report = await uow.session.get(Report, data.report_id, with_for_update=True)
        if (
            report is None
            or report.reported_member_id != actor.member_id
            or report.status != RESOLVED
        ):
            raise AppealNotAllowed("Only an upheld report about you can be appealed.")
        if await uow.session.scalar(select(Appeal.id).where(Appeal.report_id == report.id)):
            raise AppealExists("You already appealed this report; an appeal is made once.")
        appeal = Appeal(
            report_id=report.id,
            member_id=actor.member_id,
            text=data.text,
            status=PENDING,
            created_at=uow.clock(),
        )
        uow.session.add(appeal)
        try:
            await uow.flush()
        except IntegrityError:
            raise AppealExists("You already appealed this report.") from None
        read = _read(appeal, report.report_type)
        await uow.commit()
        return read


async def list_my_appeals(trust: Trust, actor: Actor, page: PageRequest) -> AppealPage:
    statement = select(Appeal, Report.report_type).join(Report, Report.id == Appeal.report_id)
    statement = statement.where(Appeal.member_id == actor.member_id)
    async with trust.uow() as uow:
        rows = (await uow.session.execute(NEWEST_FIRST.select_page(statement, page))).all()
        return NEWEST_FIRST.page(
            rows,
            page,
            key=lambda row: (row[0].created_at, row[0].id),
            read=lambda row: _read(row[0], row[1]),
            into=AppealPage,
        )


async def list_appeals(
    trust: Trust, page: PageRequest, *, status: AppealStatus | None = None
) -> QueueAppealPage:
    statement = select(Appeal)
    if status is not None:
        statement = statement.where(Appeal.status == status)
    async with trust.uow() as uow:
        appeals = list(await uow.session.scalars(OLDEST_FIRST.select_page(statement, page)))
        names = await nicknames(uow, [appeal.member_id for appeal in appeals])
        return OLDEST_FIRST.page(
            appeals,
            page,
            key=lambda appeal: (appeal.created_at, appeal.id),
            read=lambda appeal: QueueAppealRead.model_validate(
                appeal_fields(appeal, names.get(appeal.member_id))
            ),
            into=QueueAppealPage,
        )


async def decide_appeal(
    trust: Trust, actor: AuditActor, appeal_id: uuid.UUID, *, accept: bool, note: str
) -> QueueAppealRead:
    async with trust.uow() as uow:
        # The appeal first: concurrent decisions queue here and the losers stop before
        # the score; nothing holds a score lock while waiting for an appeal.
        appeal = await uow.session.get(Appeal, appeal_id, with_for_update=True)
        if appeal is None:
            raise AppealNotFound("No appeal has this id.")
        if appeal.status != PENDING:
            raise AppealAlreadyDecided("This appeal was already decided.")
        await lock_score(uow, appeal.member_id)
        now = uow.clock()
        restored = 0
        if accept:
            cause = score.appeal_reversal(appeal.report_id, now)
            applied = await apply_score_cause(uow, appeal.member_id, cause, policy=trust.policy)
            restored = 0 if applied is None else applied.delta
        appeal.status = ACCEPTED if accept else REJECTED
        appeal.decided_at = now
        appeal.decided_by = actor.account_id
        appeal.decision_note = note
        appeal.restored = restored if accept else None
        record(
            uow,
            actor,
            ModerationAction.APPEAL_ACCEPTED if accept else ModerationAction.APPEAL_REJECTED,
            member_id=appeal.member_id,
            report_id=appeal.report_id,
            appeal_id=appeal.id,
            note=note,
            points=restored if accept else None,
        )
        uow.emit(
            AppealDecided(
                appeal_id=appeal.id,
                report_id=appeal.report_id,
                member_id=appeal.member_id,
                outcome="accepted" if accept else "rejected",
                restored=restored,
                decided_at=now,
            ),
            key=appeal.member_id,
        )
        await uow.flush()
        names = await nicknames(uow, [appeal.member_id])
        read = QueueAppealRead.model_validate(appeal_fields(appeal, names.get(appeal.member_id)))
        await uow.commit()
        return read
