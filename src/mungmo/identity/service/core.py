"""What many identity use cases share: e-mail and identity hashing, ban checks, sessions."""

import base64
import hashlib
import hmac
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update

from mungmo.identity.errors import AccountBanned, AccountNotFound, IdentityBanned
from mungmo.identity.models import (
    Account,
    AccountRole,
    BannedIdentity,
    RefreshToken,
    token_roles,
)
from mungmo.identity.service.context import Identity
from mungmo.platform.db import UnitOfWork
from mungmo.platform.ids import new_id


@dataclass(frozen=True)
class IssuedSession:
    access_token: str
    expires_in: int
    refresh_token: str
    refresh_expires_in: int
    account_id: uuid.UUID


def normalise_email(email: str) -> str:
    return email.strip().lower()


def token_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def email_identity(email: str) -> str:
    return token_hash(f"email:{normalise_email(email)}")


def social_identity(provider: str, subject: str) -> str:
    return token_hash(f"social:{provider}:{subject}")


async def refuse_banned(uow: UnitOfWork, identity_hashes: Iterable[str]) -> None:
    hashes = list(identity_hashes)
    if not hashes:
        return
    banned = await uow.session.scalar(
        select(BannedIdentity.id).where(BannedIdentity.identity_hash.in_(hashes)).limit(1)
    )
    if banned is not None:
        raise IdentityBanned("This identity was banned by an administrator.")


async def active_account(uow: UnitOfWork, account_id: uuid.UUID, *, lock: bool = False) -> Account:
    """The caller's own account, locked for the change when ``lock``."""
    account = await uow.session.get(Account, account_id, with_for_update=lock)
    if account is None or account.status == "deleted":
        raise AccountNotFound("This account no longer exists.")
    if account.is_banned:
        raise AccountBanned("This account was banned by an administrator.")
    return account


# Refresh tokens are derived from their row id, so only their hash needs storing.
REFRESH_TOKEN_PURPOSE = "identity.refresh-tokens"


def refresh_token_value(identity: Identity, token_id: uuid.UUID) -> str:
    """The token's plaintext: an HMAC of its id under a secret only identity holds. Tabs
    racing with one spent token can all be handed the one successor already issued."""
    secret = identity.signer.derived_secret(REFRESH_TOKEN_PURPOSE)
    digest = hmac.new(secret, token_id.bytes, hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


async def start_refresh_family(
    identity: Identity,
    uow: UnitOfWork,
    account: Account,
    family_id: uuid.UUID | None = None,
) -> IssuedSession:
    """A new login session, or (with ``family_id``) the session's next rotation step."""
    now = uow.clock()
    token_id = new_id()
    token = RefreshToken(
        id=token_id,
        account_id=account.id,
        family_id=family_id or new_id(),
        token_hash=token_hash(refresh_token_value(identity, token_id)),
        issued_at=now,
        expires_at=now + identity.policy.refresh_ttl,
    )
    uow.session.add(token)
    return await session_for(identity, uow, account, token)


async def session_for(
    identity: Identity, uow: UnitOfWork, account: Account, token: RefreshToken
) -> IssuedSession:
    """A fresh access token (carrying the account's current roles and onboarding) with
    ``token`` as the refresh cookie, for the rest of its lifetime."""
    now = uow.clock()
    access = identity.signer.issue(
        account_id=account.id,
        session_id=token.family_id,
        roles=await held_roles(uow, account.id),
        now=now,
        ttl=identity.policy.access_ttl,
        onboarded=account.onboarded_at is not None,
    )
    return IssuedSession(
        access_token=access,
        expires_in=int(identity.policy.access_ttl.total_seconds()),
        refresh_token=refresh_token_value(identity, token.id),
        refresh_expires_in=max(0, int((token.expires_at - now).total_seconds())),
        account_id=account.id,
    )


async def held_roles(uow: UnitOfWork, account_id: uuid.UUID) -> list[str]:
    """The account's roles as access tokens carry them: member plus every granted role."""
    granted = await uow.session.scalars(
        select(AccountRole.role).where(AccountRole.account_id == account_id)
    )
    return token_roles(list(granted))


async def revoke_sessions(
    uow: UnitOfWork,
    now: datetime,
    *,
    account_id: uuid.UUID | None = None,
    family_id: uuid.UUID | None = None,
    keep_family: uuid.UUID | None = None,
) -> None:
    """Revokes one session (``family_id``) or every session of ``account_id``."""
    if account_id is None and family_id is None:
        raise ValueError("name the session or the account")
    statement = update(RefreshToken).where(RefreshToken.revoked_at.is_(None))
    if family_id is not None:
        statement = statement.where(RefreshToken.family_id == family_id)
    if account_id is not None:
        statement = statement.where(RefreshToken.account_id == account_id)
    if keep_family is not None:
        statement = statement.where(RefreshToken.family_id != keep_family)
    await uow.session.execute(statement.values(revoked_at=now))


def session_family(actor_session_id: str) -> uuid.UUID | None:
    """The refresh family behind an access token's ``sid``."""
    try:
        return uuid.UUID(actor_session_id)
    except ValueError:
        return None
