"""Log in, refresh (rotating, with reuse detection), log out."""

import uuid

from sqlalchemy import select, update

from mungmo.identity.errors import AccountBanned, InvalidCredentials, RefreshInvalid
from mungmo.identity.models import Account, RefreshToken
from mungmo.identity.schemas import LoginRequest
from mungmo.identity.service.context import Identity
from mungmo.identity.service.core import (
    IssuedSession,
    normalise_email,
    refresh_token_value,
    revoke_sessions,
    session_for,
    start_refresh_family,
    token_hash,
)
from mungmo.platform.db import UnitOfWork


async def log_in(identity: Identity, data: LoginRequest, client: str) -> IssuedSession:
    email = normalise_email(data.email)
    identity.login_per_ip.hit(client)
    identity.login_failures_per_email.check(email)
    # Hash checks take tens of milliseconds: do them outside the write transaction.
    async with identity.uow() as uow:
        found = (
            await uow.session.execute(
                select(Account.id, Account.password_hash, Account.status).where(
                    Account.email == email
                )
            )
        ).first()
    stored_hash = found.password_hash if found is not None else None
    # Without a stored hash (unknown e-mail, social-only account) the decoy is checked,
    # so every failure takes as long.
    verified = await identity.hasher.verify(stored_hash, data.password)
    if found is None or stored_hash is None or not verified:
        identity.login_failures_per_email.hit(email)
        raise InvalidCredentials("Check the e-mail and password.")
    if found.status == "banned":
        raise AccountBanned("This account was banned by an administrator.")
    identity.login_failures_per_email.reset(email)
    new_hash = (
        await identity.hasher.hash(data.password)
        if identity.hasher.needs_rehash(stored_hash)
        else None
    )
    async with identity.uow() as uow:
        current = await uow.session.get(Account, found.id)
        if current is None or not current.is_active:
            raise InvalidCredentials("Check the e-mail and password.")
        if new_hash is not None:
            current.password_hash = new_hash
        session = await start_refresh_family(identity, uow, current)
        await uow.commit()
        return session


async def refresh_session(identity: Identity, refresh_token: str | None) -> IssuedSession:
    if not refresh_token:
        raise RefreshInvalid("No session cookie was sent.")
    async with identity.uow() as uow:
        now = uow.clock()
        token = await uow.session.scalar(
            select(RefreshToken).where(RefreshToken.token_hash == token_hash(refresh_token))
        )
        if token is None or not token.is_live(now):
            raise RefreshInvalid()
        account = await uow.session.get(Account, token.account_id)
        if account is None or not account.is_active:
            raise RefreshInvalid()
        # Claim the token atomically: of two concurrent refreshes only one wins.
        claimed = await uow.session.execute(
            update(RefreshToken)
            .where(RefreshToken.id == token.id, RefreshToken.used_at.is_(None))
            .values(used_at=now)
        )
        if not claimed.rowcount:  # type: ignore[attr-defined]
            # A locking read sees the winner's commit even under REPEATABLE READ.
            used_at = await uow.session.scalar(
                select(RefreshToken.used_at).where(RefreshToken.id == token.id).with_for_update()
            )
            if used_at is None or now - used_at > identity.policy.refresh_reuse_grace:
                # A spent token came back: assume it was stolen and end the session.
                await revoke_sessions(uow, now, family_id=token.family_id)
                await uow.commit()
                raise RefreshInvalid("This session was ended for safety; log in again.")
            # Within the grace window another tab won the race: it gets the token that
            # tab was given, so the session does not branch into two live tokens.
            current = await _current_token(identity, uow, token.family_id)
            if current is None:
                raise RefreshInvalid()
            return await session_for(identity, uow, account, current)
        session = await start_refresh_family(identity, uow, account, token.family_id)
        await uow.commit()
        return session


async def _current_token(
    identity: Identity, uow: UnitOfWork, family_id: uuid.UUID
) -> RefreshToken | None:
    """The session's one live token (a locking read sees the winner's fresh commit)."""
    current = await uow.session.scalar(
        select(RefreshToken)
        .where(
            RefreshToken.family_id == family_id,
            RefreshToken.used_at.is_(None),
            RefreshToken.revoked_at.is_(None),
            RefreshToken.expires_at > uow.clock(),
        )
        .order_by(RefreshToken.issued_at.desc())
        .limit(1)
        .with_for_update()
    )
    if current is None:
        return None
    # Tokens issued before values were derived from ids cannot be handed out again.
    derivable = current.token_hash == token_hash(refresh_token_value(identity, current.id))
    return current if derivable else None


async def log_out(identity: Identity, refresh_token: str | None) -> None:
    if not refresh_token:
        return
    async with identity.uow() as uow:
        token = await uow.session.scalar(
            select(RefreshToken).where(RefreshToken.token_hash == token_hash(refresh_token))
        )
        if token is not None:
            await revoke_sessions(uow, uow.clock(), family_id=token.family_id)
            await uow.commit()
