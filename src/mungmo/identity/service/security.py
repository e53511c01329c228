"""Changing the password and deleting the account: both prove it is the owner first."""

from datetime import datetime

from sqlalchemy import delete, func, select

from mungmo.contracts.identity import AccountDeleted
from mungmo.identity.errors import (
    DeletionNotConfirmed,
    PasswordNotSet,
    PasswordUnchanged,
    ReauthenticationRequired,
    WrongPassword,
)
from mungmo.identity.models import RefreshToken, SocialLink
from mungmo.identity.schemas import DELETE_CONFIRMATION, AccountDelete, PasswordChange
from mungmo.identity.service.context import Identity
from mungmo.identity.service.core import active_account, revoke_sessions, session_family
from mungmo.platform.auth import Actor


async def _check_password(identity: Identity, actor: Actor, stored: str, password: str) -> None:
    # Wrong guesses count like failed logins, per account, so a stolen access token
    # cannot be used to guess the password at full speed.
    key = f"account:{actor.member_id}"
    identity.login_failures_per_email.check(key)
    if not await identity.hasher.verify(stored, password):
        identity.login_failures_per_email.hit(key)
        raise WrongPassword("The current password is wrong.")
    identity.login_failures_per_email.reset(key)


async def change_password(identity: Identity, actor: Actor, data: PasswordChange) -> None:
    """Rehashes and logs out every other session; the caller's session stays."""
    async with identity.uow() as uow:
        stored = (await active_account(uow, actor.member_id)).password_hash
    if stored is None:
        raise PasswordNotSet("Log in with your social account instead.")
    await _check_password(identity, actor, stored, data.current_password)
    if data.new_password == data.current_password:
        raise PasswordUnchanged("Choose a password different from the current one.")
    new_hash = await identity.hasher.hash(data.new_password)
    async with identity.uow() as uow:
        account = await active_account(uow, actor.member_id, lock=True)
        if account.password_hash != stored:
            # Changed by another request since we checked: that one wins.
            raise WrongPassword("The current password is wrong.")
        account.password_hash = new_hash
        await revoke_sessions(
            uow, uow.clock(), account_id=account.id, keep_family=session_family(actor.session_id)
        )
        await uow.commit()


async def _session_started_at(identity: Identity, actor: Actor) -> datetime | None:
    """When the caller logged in: the first token of its refresh family."""
    family = session_family(actor.session_id)
    if family is None:
        return None
    async with identity.uow() as uow:
        started: datetime | None = await uow.session.scalar(
            select(func.min(RefreshToken.issued_at)).where(
                RefreshToken.family_id == family, RefreshToken.account_id == actor.member_id
            )
        )
        return started


async def delete_account(identity: Identity, actor: Actor, data: AccountDelete) -> None:
    """Erases personal data, removes social links, ends every session, tells others."""
    async with identity.uow() as uow:
        account = await active_account(uow, actor.member_id)
        stored, now = account.password_hash, uow.clock()
    if stored is not None:
        await _check_password(identity, actor, stored, data.password or "")
    else:
        # No password to ask for: a typed confirmation plus a recent provider login.
        if data.confirm != DELETE_CONFIRMATION:
            raise DeletionNotConfirmed(f'Type "{DELETE_CONFIRMATION}" to delete the account.')
        started = await _session_started_at(identity, actor)
        window = identity.policy.reauthentication_window
        if started is None or now - started > window:
            raise ReauthenticationRequired("Log in with your social account again, then delete.")
    async with identity.uow() as uow:
        account = await active_account(uow, actor.member_id, lock=True)
        now = uow.clock()
        account.erase(now)
        await uow.session.execute(delete(SocialLink).where(SocialLink.account_id == account.id))
        await revoke_sessions(uow, now, account_id=account.id)
        uow.emit(AccountDeleted(account_id=account.id, deleted_at=now), key=account.id)
        await uow.commit()
