"""Administrators' account actions."""

import uuid

from sqlalchemy import select

from mungmo.contracts.identity import AccountBanned as AccountBannedEvent
from mungmo.identity.errors import AccountNotFound, CannotBanSelf
from mungmo.identity.models import BANNED, Account, BannedIdentity, SocialLink
from mungmo.identity.schemas import AccountStatusRead
from mungmo.identity.service.context import Identity
from mungmo.identity.service.core import email_identity, revoke_sessions, social_identity
from mungmo.platform.auth import Actor


def _status(account: Account) -> AccountStatusRead:
    return AccountStatusRead.model_validate(account, from_attributes=True)


async def ban_account(identity: Identity, admin: Actor, account_id: uuid.UUID) -> AccountStatusRead:
    """Permanent ban: no more logins, every session ends, and the e-mail and social
    identities (kept as hashes) cannot sign up again. Banning twice changes nothing."""
    if account_id == admin.member_id:
        raise CannotBanSelf()
    async with identity.uow() as uow:
        account = await uow.session.get(Account, account_id, with_for_update=True)
        if account is None or account.status == "deleted":
            raise AccountNotFound("No account with this id.")
        if account.is_banned:
            return _status(account)
        now = uow.clock()
        account.status = BANNED
        account.banned_at = now
        identities = {email_identity(account.email): "email"} if account.email else {}
        links = await uow.session.scalars(
            select(SocialLink).where(SocialLink.account_id == account.id)
        )
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
        uow.emit(AccountBannedEvent(account_id=account.id, banned_at=now), key=account.id)
        await uow.commit()
        return _status(account)
