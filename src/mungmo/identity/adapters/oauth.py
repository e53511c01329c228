"""Social login over OAuth 2.0 (authorization code + PKCE S256) with Authlib's async client.

Kakao and Naver are plain OAuth 2.0 with a profile endpoint each; Google (OIDC) is in
``oidc.py``. Every provider ends in the same ``SocialProfile``.
"""

import warnings
from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any, ClassVar
from urllib.parse import urlencode

import authlib.deprecate  # type: ignore[import-untyped]
import httpx
from pydantic import BaseModel, ValidationError

from mungmo.identity.errors import OAuthFailed, ProviderUnavailable

with warnings.catch_warnings():
    # Authlib 1.9 warns when it runs on httpx rather than its successor 'httpx2';
    # httpx is the client this project uses.
    warnings.simplefilter("ignore", authlib.deprecate.AuthlibDeprecationWarning)
    from authlib.integrations.httpx_client import (  # type: ignore[import-untyped]
        AsyncOAuth2Client,
        OAuthError,
    )


@dataclass(frozen=True)
class SocialProfile:
    """Who the provider says the person is. ``email_verified`` is only true when the
    provider vouches that the person controls the address."""

    provider: str
    subject: str
    email: str | None
    email_verified: bool
    nickname: str | None


@dataclass(frozen=True)
class OAuthClient:
    """The credentials MungMo is registered with at one provider."""

    client_id: str
    client_secret: str | None
    timeout_seconds: float = 10.0


class OAuthProvider(ABC):
    id: ClassVar[str]
    display_name: ClassVar[str]
    scope: ClassVar[str | None] = None
    uses_nonce: ClassVar[bool] = False

    def __init__(self, client: OAuthClient) -> None:
        self._client = client

    def _oauth(self, redirect_uri: str) -> Any:
        return AsyncOAuth2Client(
            client_id=self._client.client_id,
            client_secret=self._client.client_secret,
            token_endpoint_auth_method=(
                "client_secret_post" if self._client.client_secret else "none"
            ),
            scope=self.scope,
            redirect_uri=redirect_uri,
            code_challenge_method="S256",
            leeway=0,
            timeout=self._client.timeout_seconds,
        )

    async def authorization_url(
        self, *, redirect_uri: str, state: str, code_verifier: str, nonce: str | None
    ) -> str:
        endpoint = await self._authorize_endpoint()
        extra = {"nonce": nonce} if nonce else {}
        async with self._oauth(redirect_uri) as client:
            url, _ = client.create_authorization_url(
                endpoint, state=state, code_verifier=code_verifier, **extra
            )
        return str(url)

    async def fetch_profile(
        self, *, code: str, redirect_uri: str, code_verifier: str, state: str, nonce: str | None
    ) -> SocialProfile:
        """Exchanges the code (with the PKCE verifier) and reads who logged in."""
        token_endpoint = await self._token_endpoint()
        async with self._oauth(redirect_uri) as client:
            try:
                token = await client.fetch_token(
                    token_endpoint,
                    grant_type="authorization_code",
                    code=code,
                    code_verifier=code_verifier,
                    body=self._extra_token_body(state),
                )
            except OAuthError as error:
                raise OAuthFailed(f"The provider refused the code ({error.error}).") from error
            except (httpx.HTTPError, ValueError) as error:
                raise ProviderUnavailable("The provider's token endpoint failed.") from error
            return await self._profile(client, dict(token), nonce)

    def _extra_token_body(self, state: str) -> str:
        return ""

    @abstractmethod
    async def _authorize_endpoint(self) -> str: ...

    @abstractmethod
    async def _token_endpoint(self) -> str: ...

    @abstractmethod
    async def _profile(
        self, client: Any, token: dict[str, Any], nonce: str | None
    ) -> SocialProfile:
        """``client`` carries the access token, so GETs are authorised."""


async def get_json(client: httpx.AsyncClient, url: str) -> dict[str, Any]:
    try:
        response = await client.get(url)
    except (httpx.HTTPError, OAuthError) as error:
        raise ProviderUnavailable("The provider's profile endpoint failed.") from error
    if response.status_code != 200:
        raise OAuthFailed(f"The provider refused the profile request ({response.status_code}).")
    try:
        data = response.json()
    except ValueError as error:
        raise ProviderUnavailable("The provider sent a profile that is not JSON.") from error
    if not isinstance(data, dict):
        raise OAuthFailed("The provider sent an unexpected profile.")
    return data


# --- Kakao: GET /v2/user/me ---------------------------------------------------------


class _KakaoProfile(BaseModel):
    nickname: str | None = None


class _KakaoAccount(BaseModel):
    email: str | None = None
    is_email_verified: bool = False
    is_email_valid: bool = False
    profile: _KakaoProfile | None = None


class _KakaoMe(BaseModel):
    id: int | str
    kakao_account: _KakaoAccount = _KakaoAccount()


def kakao_profile(data: dict[str, Any]) -> SocialProfile:
    """Kakao vouches for an address only when it is both verified and still valid."""
    try:
        me = _KakaoMe.model_validate(data)
    except ValidationError as error:
        raise OAuthFailed("Kakao sent an unexpected profile.") from error
    account = me.kakao_account
    return SocialProfile(
        provider=KakaoProvider.id,
        subject=str(me.id),
        email=account.email or None,
        email_verified=bool(account.email) and account.is_email_verified and account.is_email_valid,
        nickname=account.profile.nickname if account.profile else None,
    )


class KakaoProvider(OAuthProvider):
    id = "kakao"
    display_name = "카카오"

    def __init__(self, client: OAuthClient, *, auth_base_url: str, api_base_url: str) -> None:
        super().__init__(client)
        self._auth = auth_base_url.rstrip("/")
        self._api = api_base_url.rstrip("/")

    async def _authorize_endpoint(self) -> str:
        return f"{self._auth}/oauth/authorize"

    async def _token_endpoint(self) -> str:
        return f"{self._auth}/oauth/token"

    async def _profile(
        self, client: Any, token: dict[str, Any], nonce: str | None
    ) -> SocialProfile:
        return kakao_profile(await get_json(client, f"{self._api}/v2/user/me"))


# --- Naver: GET /v1/nid/me ------------------------------------------------------------


class _NaverPerson(BaseModel):
    id: str
    email: str | None = None
    nickname: str | None = None


class _NaverMe(BaseModel):
    resultcode: str
    message: str = ""
    response: _NaverPerson | None = None


NAVER_MAILBOX_DOMAIN = "naver.com"


def naver_profile(data: dict[str, Any]) -> SocialProfile:
    """Naver returns no verification flag. The ``@naver.com`` mailbox belongs to the Naver
    account itself, so only that address counts as verified; any other address is
    contact information the person typed in and proves nothing."""
    try:
        me = _NaverMe.model_validate(data)
    except ValidationError as error:
        raise OAuthFailed("Naver sent an unexpected profile.") from error
    if me.resultcode != "00" or me.response is None:
        raise OAuthFailed(f"Naver refused the profile request ({me.resultcode}).")
    person = me.response
    email = person.email or None
    domain = email.rpartition("@")[2].lower() if email else ""
    return SocialProfile(
        provider=NaverProvider.id,
        subject=person.id,
        email=email,
        email_verified=domain == NAVER_MAILBOX_DOMAIN,
        nickname=person.nickname,
    )


class NaverProvider(OAuthProvider):
    id = "naver"
    display_name = "네이버"

    def __init__(self, client: OAuthClient, *, auth_base_url: str, api_base_url: str) -> None:
        super().__init__(client)
        self._auth = auth_base_url.rstrip("/")
        self._api = api_base_url.rstrip("/")

    async def _authorize_endpoint(self) -> str:
        return f"{self._auth}/oauth2.0/authorize"

    async def _token_endpoint(self) -> str:
        return f"{self._auth}/oauth2.0/token"

    def _extra_token_body(self, state: str) -> str:
        # Naver's token endpoint asks for the state again.
        return urlencode({"state": state})

    async def _profile(
        self, client: Any, token: dict[str, Any], nonce: str | None
    ) -> SocialProfile:
        return naver_profile(await get_json(client, f"{self._api}/v1/nid/me"))
