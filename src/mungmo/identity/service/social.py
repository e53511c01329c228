"""Social login (Kakao, Naver, Google): the providers, the start and the callback.

A provider identity is linked to an account only by an existing link, or after the
owner of the account with the same verified e-mail proves ownership (``linking.py``).
"""

import hmac
import re
import secrets
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from mungmo.contracts.identity import AccountRegistered
from mungmo.identity.adapters.oauth import OAuthProvider, SocialProfile
from mungmo.identity.adapters.signed import LinkTicket, OAuthState
from mungmo.identity.errors import (
    AccountBanned,
    OAuthDenied,
    OAuthFailed,
    OAuthStateInvalid,
    ProviderUnknown,
    SocialAlreadyLinked,
)
from mungmo.identity.models import ACTIVE, Account, SocialLink
from mungmo.identity.schemas import ProviderRead
from mungmo.identity.service.context import Identity
from mungmo.identity.service.core import (
    IssuedSession,
    email_identity,
    normalise_email,
    refuse_banned,
    social_identity,
    start_refresh_family,
)
from mungmo.platform.db import UnitOfWork
from mungmo.platform.ids import new_id


@dataclass(frozen=True)
class SocialStart:
    authorization_url: str
    state_cookie: str
    state_max_age: int


@dataclass(frozen=True)
class SocialOutcome:
    """Either logged in (``session``) or waiting for consent to link (``link_ticket``)."""

    next_path: str
    session: IssuedSession | None = None
    link_ticket: str | None = None


_UNSAFE_NEXT = re.compile(r"[\x00-\x1f\\]")
NICKNAME_FALLBACK = "멍모회원"
_NOT_NICKNAME = re.compile(r"[^0-9A-Za-z_가-힣]")


def safe_next_path(value: str | None) -> str:
    """Only paths on this site: never '//host' or a full URL (no open redirect)."""
    if not value or not value.startswith("/") or value.startswith("//") or len(value) > 1000:
        return "/"
    return "/" if _UNSAFE_NEXT.search(value) else value


def nickname_candidates(provider_nickname: str | None) -> list[str]:
    """The provider's name cut to the nickname rules, then variants with four digits."""
    base = _NOT_NICKNAME.sub("", provider_nickname or "")[:16] or NICKNAME_FALLBACK
    suffixed = [f"{base}{secrets.randbelow(10_000):04d}" for _ in range(6)]
    return ([base] if len(base) >= 2 else []) + suffixed


def list_providers(identity: Identity) -> list[ProviderRead]:
    return [
        ProviderRead(id=provider.id, name=provider.display_name)
        for provider in identity.social.providers.values()
    ]


def _provider(identity: Identity, provider_id: str) -> OAuthProvider:
    provider = identity.social.providers.get(provider_id)
    if provider is None:
        raise ProviderUnknown(f"'{provider_id}' is not an enabled login provider.")
    return provider


async def start_social_login(
    identity: Identity, provider_id: str, *, redirect_uri: str, next_path: str | None
) -> SocialStart:
    """The provider's authorize URL with state, PKCE and (OIDC) nonce; the secrets ride
    in a signed cookie so any instance can finish the login."""
    provider = _provider(identity, provider_id)
    saved = OAuthState(
        provider=provider.id,
        state=secrets.token_urlsafe(32),
        code_verifier=secrets.token_urlsafe(64),
        nonce=secrets.token_urlsafe(32) if provider.uses_nonce else None,
        next=safe_next_path(next_path),
    )
    url = await provider.authorization_url(
        redirect_uri=redirect_uri,
        state=saved.state,
        code_verifier=saved.code_verifier,
        nonce=saved.nonce,
    )
    ttl = int(identity.social.state_ttl.total_seconds())
    return SocialStart(url, identity.social.signed.dump_state(saved), ttl)


def _saved_state(
    identity: Identity, provider: OAuthProvider, state: str | None, state_cookie: str | None
) -> OAuthState:
    """The login this browser started: the signed cookie must be intact, recent, for this
    provider, and hold the state the provider sent back (else it is login CSRF)."""
    ttl = int(identity.social.state_ttl.total_seconds())
    saved = identity.social.signed.load_state(state_cookie or "", max_age_seconds=ttl)
    if (
        saved is None
        or saved.provider != provider.id
        or not state
        or not hmac.compare_digest(saved.state.encode(), state.encode())
    ):
        raise OAuthStateInvalid("Start the login again from MungMo.")
    return saved


async def complete_social_login(
    identity: Identity,
    provider_id: str,
    *,
    code: str | None,
    state: str | None,
    error: str | None,
    state_cookie: str | None,
    redirect_uri: str,
    client: str,
) -> SocialOutcome:
    identity.login_per_ip.hit(client)
    provider = _provider(identity, provider_id)
    saved = _saved_state(identity, provider, state, state_cookie)
    if error:
        raise OAuthDenied(f"The provider answered '{error[:100]}'.")
    if not code:
        raise OAuthFailed("The provider sent no authorization code.")
    profile = await provider.fetch_profile(
        code=code,
        redirect_uri=redirect_uri,
        code_verifier=saved.code_verifier,
        state=saved.state,
        nonce=saved.nonce,
    )
    for _ in range(3):
        try:
            return await _sign_in_with(identity, profile, saved.next)
        except IntegrityError:
            continue  # a concurrent callback created the link or account first; look again
    raise SocialAlreadyLinked("The social account changed while logging in; try again.")


async def _sign_in_with(
    identity: Identity, profile: SocialProfile, next_path: str
) -> SocialOutcome:
    verified_email = (
        normalise_email(profile.email) if profile.email and profile.email_verified else None
    )
    async with identity.uow() as uow:
        hashes = [social_identity(profile.provider, profile.subject)]
        await refuse_banned(
            uow, hashes + ([email_identity(verified_email)] if verified_email else [])
        )
        link = await uow.session.scalar(
            select(SocialLink).where(
                SocialLink.provider == profile.provider, SocialLink.subject == profile.subject
            )
        )
        if link is not None:
            account = await uow.session.get(Account, link.account_id)
            if account is None or not account.is_active:
                raise AccountBanned("This account was banned by an administrator.")
        elif verified_email is not None and (
            existing := await uow.session.scalar(
                select(Account).where(Account.email == verified_email)
            )
        ):
            # Same verified e-mail as an existing account: never link silently.
            return SocialOutcome(
                next_path, link_ticket=_ticket(identity, existing, profile, next_path)
            )
        else:
            account = await _create_account(uow, profile, verified_email)
        session = await start_refresh_family(identity, uow, account)
        await uow.commit()
        return SocialOutcome(next_path, session=session)


def _ticket(identity: Identity, account: Account, profile: SocialProfile, next_path: str) -> str:
    return identity.social.signed.dump_ticket(
        LinkTicket(
            account_id=account.id,
            provider=profile.provider,
            subject=profile.subject,
            email=account.email or "",
            next=next_path,
        )
    )


async def _create_account(
    uow: UnitOfWork, profile: SocialProfile, verified_email: str | None
) -> Account:
    """A new social-only account: no password, and an e-mail only if the provider vouched
    for it (an unverified address could block its real owner's sign-up)."""
    candidates = nickname_candidates(profile.nickname)
    taken = set(
        await uow.session.scalars(
            select(Account.nickname_key).where(
                Account.nickname_key.in_([c.casefold() for c in candidates])
            )
        )
    )
    nickname = next((c for c in candidates if c.casefold() not in taken), candidates[-1])
    now = uow.clock()
    account = Account(
        id=new_id(),
        email=verified_email,
        nickname=nickname,
        nickname_key=nickname.casefold(),
        password_hash=None,
        status=ACTIVE,
        created_at=now,
    )
    uow.session.add(account)
    uow.session.add(
        SocialLink(
            provider=profile.provider,
            subject=profile.subject,
            account_id=account.id,
            created_at=now,
        )
    )
    uow.emit(
        AccountRegistered(account_id=account.id, nickname=nickname, registered_at=now),
        key=account.id,
    )
    return account
