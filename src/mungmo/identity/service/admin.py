"""Administrators' account actions: search, ban, unban. Each change is audited."""

import uuid
from datetime import datetime

from sqlalchemy import delete, or_, select

from mungmo.contracts.identity import AccountBanned as AccountBannedEvent
from mungmo.contracts.identity import AccountUnbanned as AccountUnbannedEvent
from mungmo.identity.errors import CannotBanSelf
from mungmo.identity.models import (
    ACTIVE,
    BANNED,
    DELETED,
    Account,
    AuditAction,
    BannedIdentity,
    SocialLink,
)
from mungmo.identity.schemas import AdminAccountPage, AdminAccountRead
from mungmo.identity.service.audit import AuditActor, record
from mungmo.identity.service.context import Identity
from mungmo.identity.service.core import (
    email_identity,
    revoke_sessions,
    social_identity,
)
from mungmo.identity.service.roles import admin_view, admin_views, locked_target
from mungmo.platform.db import UnitOfWork
from mungmo.platform.pagination import Keyset, PageRequest, SortKey

# The audit label of bans decided in the trust service's moderation view.
MODERATION_LABEL = "moderation"

NEWEST_ACCOUNTS_FIRST = Keyset(
    (
        SortKey(Account.created_at, datetime, descending=True),
        SortKey(Account.id, uuid.UUID, descending=True),
    )
)


async def search_accounts(
    identity: Identity, page: PageRequest, query: str = ""
) -> AdminAccountPage:
    """Accounts whose e-mail or nickname contains ``query`` (any case), newest first;
    deleted accounts are left out (nothing about them is left to show)."""
    statement = select(Account).where(Account.status != DELETED)
    wanted = query.strip().casefold()
    if wanted:
        statement = statement.where(
            or_(
                Account.email.contains(wanted, autoescape=True),
                Account.nickname_key.contains(wanted, autoescape=True),
            )
        )
    async with identity.uow() as uow:
        found = await uow.session.scalars(NEWEST_ACCOUNTS_FIRST.select_page(statement, page))
        accounts = list(found)
        views = {view.id: view for view in await admin_views(uow, accounts)}
        # Inside the transaction: the rows expire when it ends.
        return NEWEST_ACCOUNTS_FIRST.page(
            accounts,
            page,
            key=lambda account: (account.created_at, account.id),
            read=lambda account: views[account.id],
            into=AdminAccountPage,
        )


async def get_account(identity: Identity, account_id: uuid.UUID) -> AdminAccountRead:
    async with identity.uow() as uow:
        return await admin_view(uow, await locked_target(uow, account_id=account_id, lock=False))


async def ban_account(
    identity: Identity, actor: AuditActor, account_id: uuid.UUID, reason: str
) -> AdminAccountRead:
    """Permanent ban: no more logins, every session ends, and the e-mail and social
    identities (kept as hashes) cannot sign up again. Banning a banned account changes
    and records nothing."""
    if account_id == actor.account_id:
        raise CannotBanSelf()
    async with identity.uow() as uow:
        account = await locked_target(uow, account_id=account_id)
        if account.is_banned:
            return await admin_view(uow, account)
        await _apply_ban(uow, actor, account, reason)
        view = await admin_view(uow, account)
        await uow.commit()
        return view


async def ban_reported_member(
    uow: UnitOfWork, *, account_id: uuid.UUID, banned_by: uuid.UUID, reason: str
) -> None:
    """The trust service's MemberBanned: an administrator banned the member from the
    moderation view. The same ban as the accounts admin's, audited as theirs; an
    account already banned or deleted changes nothing."""
    async with uow:
        account = await uow.session.get(Account, account_id, with_for_update=True)
        if account is None or account.status == DELETED or account.is_banned:
            return
        actor = AuditActor(account_id=banned_by, label=MODERATION_LABEL)
        await _apply_ban(uow, actor, account, reason)
        await uow.commit()


async def _apply_ban(uow: UnitOfWork, actor: AuditActor, account: Account, reason: str) -> None:
    """Bans the (locked, not banned) account: status, banned identities, sessions ended,
    audit entry and AccountBanned, all in the caller's transaction."""
    now = uow.clock()
    account.status = BANNED
    account.banned_at = now
    identities = {email_identity(account.email): "email"} if account.email else {}
    links = await uow.session.scalars(select(SocialLink).where(SocialLink.account_id == account.id))
    for link in links:
        identities[social_identity(link.provider, link.subject)] = "social"
    known = set(
        await uow.session.scalars(
            select(BannedIdentity.identity_hash).where(
                BannedIdentity.identity_hash.in_(list(identities))
            )
        )
    )
    for identity_hash, kind in identities.items():
        if identity_hash not in known:
            uow.session.add(
                BannedIdentity(
                    identity_hash=identity_hash,
                    kind=kind,
                    account_id=account.id,
                    created_at=now,
                )
            )
    await revoke_sessions(uow, now, account_id=account.id)
    record(uow, actor, AuditAction.ACCOUNT_BANNED, account.id, reason)
    uow.emit(AccountBannedEvent(account_id=account.id, banned_at=now), key=account.id)


async def unban_account(
    identity: Identity, actor: AuditActor, account_id: uuid.UUID, reason: str
) -> AdminAccountRead:
    """Lifts a ban: the account may log in again and the identities this ban blocked may
    sign up again. Unbanning an account that is not banned changes and records nothing."""
    async with identity.uow() as uow:
        account = await locked_target(uow, account_id=account_id)
        if not account.is_banned:
            return await admin_view(uow, account)
        now = uow.clock()
        account.status = ACTIVE
        account.banned_at = None
        await uow.session.execute(
            delete(BannedIdentity).where(BannedIdentity.account_id == account.id)
        )
        record(uow, actor, AuditAction.ACCOUNT_UNBANNED, account.id, reason)
        uow.emit(AccountUnbannedEvent(account_id=account.id, unbanned_at=now), key=account.id)
        view = await admin_view(uow, account)
        await uow.commit()
        return view
