"""Google login over OpenID Connect: discovery document, ID token checked against the
provider's JWKS (signature, issuer, audience, expiry, nonce), ``email_verified``."""

import hmac
import time
from typing import Any

import httpx
import jwt
from pydantic import BaseModel, ValidationError

from mungmo.identity.adapters.oauth import OAuthClient, OAuthProvider, SocialProfile, get_json
from mungmo.identity.errors import IdTokenInvalid, ProviderUnavailable

# Asymmetric only: 'none' and HMAC (keyed with the public client id) are never accepted.
ID_TOKEN_ALGORITHMS = ("RS256", "ES256")
CLOCK_SKEW_SECONDS = 60


class DiscoveryDocument(BaseModel):
    issuer: str
    authorization_endpoint: str
    token_endpoint: str
    jwks_uri: str
    userinfo_endpoint: str | None = None


def verify_id_token(
    id_token: str, keys: jwt.PyJWKSet, *, issuer: str, client_id: str, nonce: str | None
) -> dict[str, Any]:
    """The ID token's claims, once signature, issuer, audience, times and nonce hold."""
    try:
        header = jwt.get_unverified_header(id_token)
    except jwt.PyJWTError as error:
        raise IdTokenInvalid("The ID token is malformed.") from error
    algorithm = header.get("alg")
    if algorithm not in ID_TOKEN_ALGORITHMS:
        raise IdTokenInvalid("The ID token uses an algorithm that is not accepted.")
    key = _key_for(keys, header.get("kid"))
    try:
        claims: dict[str, Any] = jwt.decode(
            id_token,
            key.key,
            algorithms=[algorithm],
            audience=client_id,
            issuer=issuer,
            leeway=CLOCK_SKEW_SECONDS,
            options={"require": ["iss", "aud", "sub", "exp", "iat"]},
        )
    except jwt.PyJWTError as error:
        raise IdTokenInvalid("The ID token's signature or claims are not valid.") from error
    audiences = claims["aud"] if isinstance(claims["aud"], list) else [claims["aud"]]
    if len(audiences) > 1 and claims.get("azp") != client_id:
        raise IdTokenInvalid("The ID token was issued to another party.")
    if nonce is not None and not hmac.compare_digest(str(claims.get("nonce", "")), nonce):
        # A token minted for another login attempt, or replayed.
        raise IdTokenInvalid("The ID token belongs to another login attempt.")
    return claims


def _key_for(keys: jwt.PyJWKSet, kid: object) -> jwt.PyJWK:
    matching = [key for key in keys.keys if key.key_id == kid]
    if not matching and kid is None and len(keys.keys) == 1:
        matching = list(keys.keys)
    if not matching:
        raise IdTokenInvalid("The ID token was signed with an unknown key.")
    return matching[0]


def has_key(keys: jwt.PyJWKSet, kid: object) -> bool:
    return any(key.key_id == kid for key in keys.keys) or (kid is None and len(keys.keys) == 1)


def _truthy(value: object) -> bool:
    return value is True or value == "true"


def google_profile(claims: dict[str, Any]) -> SocialProfile:
    email = claims.get("email")
    name = claims.get("name") or claims.get("given_name")
    return SocialProfile(
        provider=GoogleProvider.id,
        subject=str(claims["sub"]),
        email=email if isinstance(email, str) and email else None,
        email_verified=isinstance(email, str) and _truthy(claims.get("email_verified")),
        nickname=name if isinstance(name, str) else None,
    )


class GoogleProvider(OAuthProvider):
    id = "google"
    display_name = "Google"
    scope = "openid email profile"
    uses_nonce = True

    def __init__(
        self, client: OAuthClient, *, discovery_url: str, cache_seconds: float = 3600.0
    ) -> None:
        super().__init__(client)
        self._discovery_url = discovery_url
        self._cache_seconds = cache_seconds
        self._document: tuple[float, DiscoveryDocument] | None = None
        self._keys: tuple[float, jwt.PyJWKSet] | None = None

    async def _fetch(self, url: str) -> Any:
        try:
            async with httpx.AsyncClient(timeout=self._client.timeout_seconds) as http:
                response = await http.get(url)
                response.raise_for_status()
                return response.json()
        except (httpx.HTTPError, ValueError) as error:
            raise ProviderUnavailable(f"Could not load {url}.") from error

    def _fresh(self, fetched_at: float) -> bool:
        return time.monotonic() - fetched_at < self._cache_seconds

    async def discovery(self) -> DiscoveryDocument:
        if self._document is None or not self._fresh(self._document[0]):
            try:
                document = DiscoveryDocument.model_validate(await self._fetch(self._discovery_url))
            except ValidationError as error:
                raise ProviderUnavailable("The discovery document is incomplete.") from error
            self._document = (time.monotonic(), document)
        return self._document[1]

    async def signing_keys(self, *, kid: object) -> jwt.PyJWKSet:
        """The provider's keys; fetched again once when ``kid`` is unknown (key rotation)."""
        if self._keys is not None and self._fresh(self._keys[0]) and has_key(self._keys[1], kid):
            return self._keys[1]
        document = await self.discovery()
        try:
            keys = jwt.PyJWKSet.from_dict(await self._fetch(document.jwks_uri))
        except jwt.PyJWTError as error:
            raise ProviderUnavailable("The provider's key set is not usable.") from error
        self._keys = (time.monotonic(), keys)
        return keys

    async def _authorize_endpoint(self) -> str:
        return (await self.discovery()).authorization_endpoint

    async def _token_endpoint(self) -> str:
        return (await self.discovery()).token_endpoint

    async def _profile(
        self, client: Any, token: dict[str, Any], nonce: str | None
    ) -> SocialProfile:
        id_token = token.get("id_token")
        if not isinstance(id_token, str):
            raise IdTokenInvalid("The provider sent no ID token.")
        document = await self.discovery()
        try:
            kid = jwt.get_unverified_header(id_token).get("kid")
        except jwt.PyJWTError as error:
            raise IdTokenInvalid("The ID token is malformed.") from error
        claims = verify_id_token(
            id_token,
            await self.signing_keys(kid=kid),
            issuer=document.issuer,
            client_id=self._client.client_id,
            nonce=nonce,
        )
        if ("email" not in claims or "name" not in claims) and document.userinfo_endpoint:
            info = await get_json(client, document.userinfo_endpoint)
            if info.get("sub") != claims["sub"]:
                raise IdTokenInvalid("The user info belongs to someone else.")
            claims = {**info, **claims}  # the signed claims win
        return google_profile(claims)
