"""Access-token checks every service does locally against the identity service's JWKS."""

import asyncio
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any, Protocol

import httpx
import jwt
from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from mungmo.platform.deny_list import DenyList
from mungmo.platform.errors import (
    AccessRevoked,
    Forbidden,
    TokenExpired,
    Unauthenticated,
    WritesSuspended,
)
from mungmo.platform.logging import get_logger

ALGORITHM = "EdDSA"

log = get_logger(__name__)


@dataclass(frozen=True)
class Actor:
    """Who is calling: the member's (= account's) id and roles from the token."""

    member_id: uuid.UUID
    session_id: str
    roles: frozenset[str]
    # Set once the member finished onboarding (traits, a dog, a verified neighbourhood).
    onboarded: bool = False

    @property
    def is_admin(self) -> bool:
        return "admin" in self.roles

    @property
    def is_moderator(self) -> bool:
        """Moderators, and administrators, who hold every moderator power."""
        return not self.roles.isdisjoint({"moderator", "admin"})


class JwksSource(Protocol):
    async def keys(self, *, refresh: bool = False) -> dict[str, Any]: ...


class StaticJwks:
    """In one process the identity service hands its key set over directly."""

    def __init__(self, provide: Callable[[], dict[str, Any]]) -> None:
        self._provide = provide

    async def keys(self, *, refresh: bool = False) -> dict[str, Any]:
        return self._provide()


class HttpJwks:
    """A service running on its own fetches the key set and caches it.

    An unknown ``kid`` asks for a refresh (the keys may have rotated), but anyone can
    send tokens with made-up kids: a refresh happens at most once per
    ``min_refresh_seconds``, so a flood costs identity one fetch, not one per request.
    """

    def __init__(
        self,
        url: str,
        *,
        ttl_seconds: float = 300.0,
        min_refresh_seconds: float = 30.0,
        now: Callable[[], float] = time.monotonic,
    ) -> None:
        self._url = url
        self._ttl = ttl_seconds
        self._min_refresh = min_refresh_seconds
        self._now = now
        self._cached: dict[str, Any] | None = None
        self._fetched_at = 0.0
        self._lock = asyncio.Lock()

    async def keys(self, *, refresh: bool = False) -> dict[str, Any]:
        async with self._lock:
            if self._cached is not None:
                age = self._now() - self._fetched_at
                if age < self._ttl and (not refresh or age < self._min_refresh):
                    return self._cached
            try:
                async with httpx.AsyncClient(timeout=5.0) as client:
                    response = await client.get(self._url)
                    response.raise_for_status()
                    fetched: dict[str, Any] = response.json()
            except (httpx.HTTPError, ValueError) as error:
                if self._cached is None:
                    raise
                # Identity unreachable: tokens signed with the keys we have still verify
                # (rotations are rare); ask again after the refresh interval, not per request.
                log.warning("jwks.fetch_failed", url=self._url, error=str(error))
                self._fetched_at = self._now() - self._ttl + self._min_refresh
                return self._cached
            self._cached = fetched
            self._fetched_at = self._now()
            return self._cached


class TokenVerifier:
    def __init__(
        self,
        source: JwksSource,
        *,
        issuer: str,
        audience: str,
        deny_list: DenyList | None = None,
    ) -> None:
        self._source = source
        self._issuer = issuer
        self._audience = audience
        # Banned and deleted accounts: refused before their tokens expire.
        self._deny_list = deny_list

    def suspended_until(self, member_id: uuid.UUID) -> datetime | None:
        """While the member's writes are suspended (trust's MemberSuspended): until when."""
        return None if self._deny_list is None else self._deny_list.suspended_until(member_id)

    async def _key_for(self, kid: str) -> Any:
        for refresh in (False, True):  # an unknown kid may mean the keys rotated
            key_set = await self._source.keys(refresh=refresh)
            for key in key_set.get("keys", []):
                if key.get("kid") == kid:
                    return jwt.PyJWK.from_dict(key).key
        raise Unauthenticated("The access token was signed with an unknown key.")

    async def verify(self, token: str) -> Actor:
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError as error:
            raise Unauthenticated("The access token is malformed.") from error
        if header.get("alg") != ALGORITHM or not isinstance(header.get("kid"), str):
            raise Unauthenticated("The access token is malformed.")
        key = await self._key_for(header["kid"])
        try:
            claims = jwt.decode(
                token,
                key,
                algorithms=[ALGORITHM],
                issuer=self._issuer,
                audience=self._audience,
                options={"require": ["exp", "iat", "sub", "sid"]},
            )
        except jwt.ExpiredSignatureError as error:
            raise TokenExpired() from error
        except jwt.PyJWTError as error:
            raise Unauthenticated("The access token is not valid.") from error
        try:
            member_id = uuid.UUID(claims["sub"])
        except ValueError as error:
            raise Unauthenticated("The access token is not valid.") from error
        refusal = (
            None
            if self._deny_list is None
            else self._deny_list.refusal(member_id, float(claims["iat"]))
        )
        if refusal == "roles_changed":
            # Not the account's fault: a refresh brings a token with the current roles.
            raise TokenExpired("The account's roles changed; refresh the session.")
        if refusal is not None:
            raise AccessRevoked("This account was banned or deleted.")
        return Actor(
            member_id=member_id,
            session_id=str(claims["sid"]),
            roles=frozenset(claims.get("roles", [])),
            onboarded=bool(claims.get("onb", False)),
        )


_bearer = HTTPBearer(auto_error=False)


def _verifier(request: Request) -> TokenVerifier:
    verifier: TokenVerifier = request.app.state.token_verifier
    return verifier


class OnboardingRequired(Forbidden):
    code = "member.onboarding_required"
    title = "Finish onboarding first"


# Route option (``openapi_extra``) for the few writes a suspended member keeps: their
# account's security and existence (password, deletion, log-out) and appealing.
ALLOWED_WHILE_SUSPENDED: dict[str, Any] = {"x-mungmo-allowed-while-suspended": True}
READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def _refuses_suspended(request: Request) -> bool:
    if request.method in READ_METHODS:
        return False
    extra = getattr(request.scope.get("route"), "openapi_extra", None) or {}
    return not extra.get("x-mungmo-allowed-while-suspended", False)


async def current_account(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Actor:
    """Any logged-in account, onboarded or not (for onboarding itself). A suspended
    member's writes stop here, in every service (``trust.suspended``)."""
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise Unauthenticated("Log in to continue.", headers={"WWW-Authenticate": "Bearer"})
    verifier = _verifier(request)
    actor = await verifier.verify(credentials.credentials)
    if _refuses_suspended(request):
        until = verifier.suspended_until(actor.member_id)
        if until is not None:
            raise WritesSuspended(until)
    return actor


async def current_member(actor: Annotated[Actor, Depends(current_account)]) -> Actor:
    """A member who finished onboarding: the gate for every member action."""
    if not actor.onboarded:
        raise OnboardingRequired(
            "Choose your traits, add a dog and verify your neighbourhood first."
        )
    return actor


async def current_admin(actor: Annotated[Actor, Depends(current_account)]) -> Actor:
    if not actor.is_admin:
        raise Forbidden("Administrators only.")
    return actor


CurrentAccount = Annotated[Actor, Depends(current_account)]
CurrentMember = Annotated[Actor, Depends(current_member)]
CurrentAdmin = Annotated[Actor, Depends(current_admin)]
