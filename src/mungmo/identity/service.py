"""Identity use cases: register, log in, refresh (rotating, with reuse detection), log out."""

import hashlib
import secrets
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from mungmo.contracts.identity import AccountRegistered
from mungmo.identity.adapters import PasswordHashing, TokenSigner
from mungmo.identity.models import Account, RefreshToken
from mungmo.identity.schemas import AccountCreate, AccountRead, LoginRequest
from mungmo.platform.db import UnitOfWork
from mungmo.platform.errors import (
    Conflict,
    DomainError,
    FieldProblem,
    Forbidden,
    Unauthenticated,
)
from mungmo.platform.ids import new_id
from mungmo.platform.ratelimit import RateLimiter


class EmailTaken(Conflict):
    code = "identity.email_taken"
    title = "This e-mail is already registered"


class NicknameTaken(Conflict):
    code = "identity.nickname_taken"
    title = "This nickname is taken"


class AccountDetailsTaken(Conflict):
    code = "identity.account_taken"
    title = "The e-mail and the nickname are already in use"


class InvalidCredentials(Unauthenticated):
    code = "identity.invalid_credentials"
    title = "The e-mail or password is wrong"


class RefreshInvalid(Unauthenticated):
    code = "identity.refresh_invalid"
    title = "The session has ended; log in again"


class AccountBanned(Forbidden):
    code = "identity.account_banned"
    title = "This account is banned"


@dataclass(frozen=True)
class IdentityPolicy:
    access_ttl: timedelta
    refresh_ttl: timedelta
    # Two tabs refreshing at once present the same token; within this window that
    # is a race, not theft, so the family survives.
    refresh_reuse_grace: timedelta


@dataclass
class Identity:
    """Everything the identity use cases need, wired once at start-up."""

    uow: Callable[..., UnitOfWork]
    hasher: PasswordHashing
    signer: TokenSigner
    policy: IdentityPolicy
    login_per_ip: RateLimiter
    login_failures_per_email: RateLimiter
    signups_per_ip: RateLimiter


@dataclass(frozen=True)
class IssuedSession:
    access_token: str
    expires_in: int
    refresh_token: str
    refresh_expires_in: int
    account_id: uuid.UUID


def normalise_email(email: str) -> str:
    return email.strip().lower()


def _token_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def _taken_error(email_taken: bool, nickname_taken: bool) -> DomainError:
    problems = []
    if email_taken:
        problems.append(FieldProblem(field="email", code=EmailTaken.code, message=EmailTaken.title))
    if nickname_taken:
        problems.append(
            FieldProblem(field="nickname", code=NicknameTaken.code, message=NicknameTaken.title)
        )
    if email_taken and nickname_taken:
        return AccountDetailsTaken(errors=problems)
    if email_taken:
        return EmailTaken(errors=problems)
    return NicknameTaken(errors=problems)


async def register_account(identity: Identity, data: AccountCreate, client: str) -> AccountRead:
    identity.signups_per_ip.hit(client)
    email = normalise_email(data.email)
    nickname_key = data.nickname.casefold()
    password_hash = await identity.hasher.hash(data.password)
    async with identity.uow() as uow:
        email_taken = await uow.session.scalar(select(Account.id).where(Account.email == email))
        nickname_taken = await uow.session.scalar(
            select(Account.id).where(Account.nickname_key == nickname_key)
        )
        if email_taken or nickname_taken:
            raise _taken_error(email_taken is not None, nickname_taken is not None)
        account = Account(
            id=new_id(),
            email=email,
            nickname=data.nickname,
            nickname_key=nickname_key,
            password_hash=password_hash,
            created_at=uow.clock(),
        )
        uow.session.add(account)
        uow.emit(
            AccountRegistered(
                account_id=account.id,
                nickname=account.nickname,
                registered_at=account.created_at,
            ),
            key=account.id,
        )
        try:
            await uow.commit()
        except IntegrityError:
            # Lost a race with a concurrent sign-up; report what is now taken.
            raise await _which_taken(identity, email, nickname_key) from None
        return AccountRead.model_validate(account, from_attributes=True)


async def _which_taken(identity: Identity, email: str, nickname_key: str) -> DomainError:
    async with identity.uow() as uow:
        email_taken = await uow.session.scalar(select(Account.id).where(Account.email == email))
        nickname_taken = await uow.session.scalar(
            select(Account.id).where(Account.nickname_key == nickname_key)
        )
    return _taken_error(email_taken is not None, nickname_taken is not None or not email_taken)


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
    if found is None or not await identity.hasher.verify(stored_hash, data.password):
        identity.login_failures_per_email.hit(email)
        raise InvalidCredentials("Check the e-mail and password.")
    if found.status == "banned":
        raise AccountBanned("This account was banned by an administrator.")
    identity.login_failures_per_email.reset(email)
    new_hash = (
        await identity.hasher.hash(data.password)
        if identity.hasher.needs_rehash(found.password_hash)
        else None
    )
    async with identity.uow() as uow:
        current = await uow.session.get(Account, found.id)
        if current is None or current.is_banned:
            raise InvalidCredentials("Check the e-mail and password.")
        if new_hash is not None:
            current.password_hash = new_hash
        session = await _start_refresh_family(identity, uow, current)
        await uow.commit()
        return session


async def _start_refresh_family(
    identity: Identity,
    uow: UnitOfWork,
    account: Account,
    family_id: uuid.UUID | None = None,
) -> IssuedSession:
    now = uow.clock()
    raw = secrets.token_urlsafe(32)
    family = family_id or new_id()
    uow.session.add(
        RefreshToken(
            id=new_id(),
            account_id=account.id,
            family_id=family,
            token_hash=_token_hash(raw),
            issued_at=now,
            expires_at=now + identity.policy.refresh_ttl,
        )
    )
    access = identity.signer.issue(
        account_id=account.id,
        session_id=family,
        roles=account.role_list,
        now=now,
        ttl=identity.policy.access_ttl,
    )
    return IssuedSession(
        access_token=access,
        expires_in=int(identity.policy.access_ttl.total_seconds()),
        refresh_token=raw,
        refresh_expires_in=int(identity.policy.refresh_ttl.total_seconds()),
        account_id=account.id,
    )


async def refresh_session(identity: Identity, refresh_token: str | None) -> IssuedSession:
    if not refresh_token:
        raise RefreshInvalid("No session cookie was sent.")
    async with identity.uow() as uow:
        now = uow.clock()
        token = await uow.session.scalar(
            select(RefreshToken).where(RefreshToken.token_hash == _token_hash(refresh_token))
        )
        if token is None or not token.is_live(now):
            raise RefreshInvalid()
        account = await uow.session.get(Account, token.account_id)
        if account is None or account.is_banned:
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
                await _revoke_family(uow, token.family_id, now)
                await uow.commit()
                raise RefreshInvalid("This session was ended for safety; log in again.")
        session = await _start_refresh_family(identity, uow, account, token.family_id)
        await uow.commit()
        return session


async def _revoke_family(uow: UnitOfWork, family_id: uuid.UUID, now: datetime) -> None:
    await uow.session.execute(
        update(RefreshToken)
        .where(RefreshToken.family_id == family_id, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=now)
    )


async def log_out(identity: Identity, refresh_token: str | None) -> None:
    if not refresh_token:
        return
    async with identity.uow() as uow:
        token = await uow.session.scalar(
            select(RefreshToken).where(RefreshToken.token_hash == _token_hash(refresh_token))
        )
        if token is not None:
            await _revoke_family(uow, token.family_id, uow.clock())
            await uow.commit()
