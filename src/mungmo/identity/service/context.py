"""What the identity use cases receive first: the service's context, wired once at start-up."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from mungmo.identity.adapters.oauth import OAuthProvider
from mungmo.identity.adapters.passwords import PasswordHashing
from mungmo.identity.adapters.signed import SignedValues
from mungmo.identity.adapters.tokens import TokenSigner
from mungmo.platform.db import UnitOfWork
from mungmo.platform.ratelimit import RateLimiter


@dataclass(frozen=True)
class IdentityPolicy:
    access_ttl: timedelta
    refresh_ttl: timedelta
    # Two tabs refreshing at once present the same token; within this window that
    # is a race, not theft, so the family survives.
    refresh_reuse_grace: timedelta
    nickname_cooldown: timedelta = timedelta(days=30)
    # How recently a social-only account must have logged in to delete itself.
    reauthentication_window: timedelta = timedelta(minutes=10)


@dataclass
class SocialLogin:
    """The enabled providers (by id, in display order) and the signed browser values."""

    providers: dict[str, OAuthProvider]
    signed: SignedValues
    state_ttl: timedelta = timedelta(minutes=10)
    ticket_ttl: timedelta = timedelta(minutes=10)
    # Public origin the providers redirect back to; None: the request's own origin.
    redirect_base_url: str | None = None


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
    social: SocialLogin
