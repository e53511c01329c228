"""Permanent bans from the moderation view, and the lists of sanctions in force.

Trust records the ban with its reason and announces MemberBanned; the identity
service applies it (no log-in, no sign-up again with the same e-mail or social
identity) and announces AccountBanned, which every service, trust included, follows.
Bans made in identity's accounts admin reach this list through AccountBanned."""

import uuid
from datetime import datetime

from sqlalchemy import select

from mungmo.contracts.trust import MemberBanned
from mungmo.platform.db import UnitOfWork
from mungmo.platform.ids import new_id
from mungmo.platform.pagination import Keyset, PageRequest, SortKey
from mungmo.trust.errors import CannotBanSelf, ReportedMemberNotFound
from mungmo.trust.models import Suspension
from mungmo.trust.models.moderation import Ban, ModerationAction
from mungmo.trust.models.reports import KnownMember
from mungmo.trust.schemas.moderation import BanPage, BanRead, SuspensionPage
from mungmo.trust.service.audit import AuditActor, record
from mungmo.trust.service.context import Trust
from mungmo.trust.service.history import ban_read, suspension_read
from mungmo.trust.service.report_reads import nicknames

NEWEST_BANS_FIRST = Keyset(
    (
        SortKey(Ban.banned_at, datetime, descending=True),
        SortKey(Ban.member_id, uuid.UUID, descending=True),
    )
)
ENDING_FIRST = Keyset((SortKey(Suspension.ends_at, datetime), SortKey(Suspension.id, uuid.UUID)))


async def ban_member(
    trust: Trust, actor: AuditActor, member_id: uuid.UUID, *, reason: str
) -> BanRead:
    """Banning a banned member changes and records nothing."""
    if member_id == actor.account_id:
        raise CannotBanSelf("You cannot ban yourself.")
    async with trust.uow() as uow:
        member = await uow.session.get(KnownMember, member_id, with_for_update=True)
        if member is None or member.is_deleted:
            raise ReportedMemberNotFound("No member has this id.")
        ban = await uow.session.get(Ban, member_id, with_for_update=True)
        if ban is None:
            now = uow.clock()
            ban = Ban(
                member_id=member_id,
                id=new_id(),
                source="moderation",
                reason=reason,
                banned_by=actor.account_id,
                banned_at=now,
            )
            uow.session.add(ban)
            record(uow, actor, ModerationAction.MEMBER_BANNED, member_id=member_id, note=reason)
            assert actor.account_id is not None
            uow.emit(
                MemberBanned(
                    member_id=member_id,
                    ban_id=ban.id,
                    reason=reason,
                    banned_by=actor.account_id,
                    banned_at=now,
                ),
                key=member_id,
            )
            await uow.flush()
        read = ban_read(ban, member.nickname)
        await uow.commit()
        return read


async def record_account_banned(
    uow: UnitOfWork, *, member_id: uuid.UUID, banned_at: datetime
) -> None:
    """Identity banned the account (ours, or from its accounts admin): list it."""
    async with uow:
        if await uow.session.get(Ban, member_id) is None:
            uow.session.add(
                Ban(member_id=member_id, id=new_id(), source="identity", banned_at=banned_at)
            )
        await uow.commit()


async def record_account_unbanned(uow: UnitOfWork, *, member_id: uuid.UUID) -> None:
    async with uow:
        ban = await uow.session.get(Ban, member_id)
        if ban is not None:
            await uow.session.delete(ban)
        await uow.commit()


async def list_bans(trust: Trust, page: PageRequest) -> BanPage:
    async with trust.uow() as uow:
        bans = list(await uow.session.scalars(NEWEST_BANS_FIRST.select_page(select(Ban), page)))
        names = await nicknames(uow, [ban.member_id for ban in bans])
        return NEWEST_BANS_FIRST.page(
            bans,
            page,
            key=lambda ban: (ban.banned_at, ban.member_id),
            read=lambda ban: ban_read(ban, names.get(ban.member_id)),
            into=BanPage,
        )


async def list_active_suspensions(trust: Trust, page: PageRequest) -> SuspensionPage:
    statement = select(Suspension).where(Suspension.ended_at.is_(None))
    async with trust.uow() as uow:
        found = list(await uow.session.scalars(ENDING_FIRST.select_page(statement, page)))
        names = await nicknames(uow, [suspension.member_id for suspension in found])
        return ENDING_FIRST.page(
            found,
            page,
            key=lambda suspension: (suspension.ends_at, suspension.id),
            read=lambda suspension: suspension_read(suspension, names.get(suspension.member_id)),
            into=SuspensionPage,
        )
