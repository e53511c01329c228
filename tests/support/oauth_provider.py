"""A real OAuth 2.0 / OpenID Connect provider for tests, served over HTTP on a loopback
port. One server speaks three flavours under their own path prefixes:

- ``/google``: OIDC (discovery, JWKS, RS256 ID tokens with nonce, ``/userinfo``)
- ``/kakao``: ``/oauth/authorize``, ``/oauth/token``, ``/v2/user/me``
- ``/naver``: ``/oauth2.0/authorize``, ``/oauth2.0/token``, ``/v1/nid/me``

Authorize approves at once as the user the test chose with ``sign_in_as``; token
checks the client, the redirect URI and the PKCE verifier (S256).
"""

import asyncio
import base64
import contextlib
import hashlib
import json
import secrets
import socket
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import urlencode

import httpx
import jwt
import uvicorn
from cryptography.hazmat.primitives.asymmetric import rsa
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from tests.support.polling import eventually

Flavour = Literal["google", "kakao", "naver"]
FLAVOURS: tuple[Flavour, ...] = ("google", "kakao", "naver")
Tamper = Literal["signature", "nonce"]


@dataclass
class ProviderUser:
    subject: str
    email: str | None
    email_verified: bool = True
    nickname: str | None = "보리아빠"


def provider_user(
    flavour: Flavour, *, email: str | None = None, verified: bool = True, nickname: str = "보리아빠"
) -> ProviderUser:
    """A fresh person at the provider (Kakao ids are numbers)."""
    subject = str(secrets.randbelow(10**12)) if flavour == "kakao" else uuid.uuid4().hex
    return ProviderUser(subject=subject, email=email, email_verified=verified, nickname=nickname)


@dataclass
class _Grant:
    flavour: Flavour
    user: ProviderUser
    client_id: str
    redirect_uri: str
    code_challenge: str
    nonce: str | None


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _oauth_error(error: str, status: int = 400) -> JSONResponse:
    return JSONResponse({"error": error}, status_code=status)


@dataclass
class OAuthTestProvider:
    base_url: str = ""
    users: dict[str, ProviderUser] = field(default_factory=dict)
    # "signature": ID tokens signed by a key outside the JWKS; "nonce": for another login.
    tamper: Tamper | None = None
    # False: the ID token carries only 'sub' (the client must ask /userinfo).
    id_token_profile: bool = True
    token_requests: list[dict[str, str]] = field(default_factory=list)
    _grants: dict[str, _Grant] = field(default_factory=dict)
    _access: dict[str, tuple[Flavour, ProviderUser]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self._stranger_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.kid = uuid.uuid4().hex[:12]

    # --- what tests call ---------------------------------------------------------

    def client_id(self, flavour: Flavour) -> str:
        return f"mungmo-{flavour}-client"

    def client_secret(self, flavour: Flavour) -> str:
        return f"{flavour}-secret-value"

    def sign_in_as(self, flavour: Flavour, user: ProviderUser) -> ProviderUser:
        self.users[flavour] = user
        return user

    def identity_settings(self) -> dict[str, Any]:
        """IdentitySettings values pointing MungMo at this provider."""
        settings: dict[str, Any] = {"oauth_redirect_base_url": "http://localhost"}
        for flavour in FLAVOURS:
            settings[f"{flavour}_client_id"] = self.client_id(flavour)
            settings[f"{flavour}_client_secret"] = self.client_secret(flavour)
        for flavour in ("kakao", "naver"):
            settings[f"{flavour}_auth_base_url"] = f"{self.base_url}/{flavour}"
            settings[f"{flavour}_api_base_url"] = f"{self.base_url}/{flavour}"
        settings["google_discovery_url"] = (
            f"{self.base_url}/google/.well-known/openid-configuration"
        )
        return settings

    @property
    def issuer(self) -> str:
        return f"{self.base_url}/google"

    # --- HTTP ----------------------------------------------------------------------

    def app(self) -> Starlette:
        routes = [
            Route("/google/.well-known/openid-configuration", self.discovery),
            Route("/google/jwks", self.jwks),
            Route("/google/authorize", self._for("google", self.authorize)),
            Route("/google/token", self._for("google", self.token), methods=["POST"]),
            Route("/google/userinfo", self._for("google", self.userinfo)),
            Route("/kakao/oauth/authorize", self._for("kakao", self.authorize)),
            Route("/kakao/oauth/token", self._for("kakao", self.token), methods=["POST"]),
            Route("/kakao/v2/user/me", self._for("kakao", self.userinfo)),
            Route("/naver/oauth2.0/authorize", self._for("naver", self.authorize)),
            Route("/naver/oauth2.0/token", self._for("naver", self.token), methods=["POST"]),
            Route("/naver/v1/nid/me", self._for("naver", self.userinfo)),
        ]
        return Starlette(routes=routes)

    @staticmethod
    def _for(flavour: Flavour, endpoint: Any) -> Any:
        async def bound(request: Request) -> Response:
            response: Response = await endpoint(request, flavour)
            return response

        return bound

    async def discovery(self, request: Request) -> Response:
        return JSONResponse(
            {
                "issuer": self.issuer,
                "authorization_endpoint": f"{self.issuer}/authorize",
                "token_endpoint": f"{self.issuer}/token",
                "userinfo_endpoint": f"{self.issuer}/userinfo",
                "jwks_uri": f"{self.issuer}/jwks",
                "response_types_supported": ["code"],
                "subject_types_supported": ["public"],
                "id_token_signing_alg_values_supported": ["RS256"],
                "code_challenge_methods_supported": ["S256"],
            }
        )

    async def jwks(self, request: Request) -> Response:
        public = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self._key.public_key()))
        return JSONResponse({"keys": [{**public, "kid": self.kid, "use": "sig", "alg": "RS256"}]})

    async def authorize(self, request: Request, flavour: Flavour) -> Response:
        query = request.query_params
        redirect_uri = query.get("redirect_uri", "")
        user = self.users.get(flavour)
        problems = [
            query.get("client_id") != self.client_id(flavour) and "client_id",
            query.get("response_type") != "code" and "response_type",
            not redirect_uri.startswith("http") and "redirect_uri",
            not query.get("state") and "state",
            query.get("code_challenge_method") != "S256" and "code_challenge_method",
            not query.get("code_challenge") and "code_challenge",
            flavour == "google" and not query.get("nonce") and "nonce",
            flavour == "google" and "openid" not in query.get("scope", "").split() and "scope",
            user is None and "no test user signed in",
        ]
        wrong = [problem for problem in problems if problem]
        if wrong or user is None:
            return JSONResponse({"error": "invalid_request", "wrong": wrong}, status_code=400)
        code = secrets.token_urlsafe(24)
        self._grants[code] = _Grant(
            flavour=flavour,
            user=user,
            client_id=self.client_id(flavour),
            redirect_uri=redirect_uri,
            code_challenge=query["code_challenge"],
            nonce=query.get("nonce"),
        )
        location = f"{redirect_uri}?{urlencode({'code': code, 'state': query['state']})}"
        return RedirectResponse(location, status_code=302)

    async def token(self, request: Request, flavour: Flavour) -> Response:
        form = {key: str(value) for key, value in (await request.form()).items()}
        self.token_requests.append({"flavour": flavour, **form})
        if form.get("client_id") != self.client_id(flavour) or form.get(
            "client_secret"
        ) != self.client_secret(flavour):
            return _oauth_error("invalid_client", 401)
        grant = self._grants.pop(form.get("code", ""), None)  # a code works once
        if (
            grant is None
            or grant.flavour != flavour
            or form.get("grant_type") != ("authorization_code")
        ):
            return _oauth_error("invalid_grant")
        verifier = form.get("code_verifier", "")
        if form.get("redirect_uri") != grant.redirect_uri or not secrets.compare_digest(
            _b64url(hashlib.sha256(verifier.encode()).digest()), grant.code_challenge
        ):
            return _oauth_error("invalid_grant")
        if flavour == "naver" and not form.get("state"):
            return _oauth_error("invalid_request")
        access = secrets.token_urlsafe(24)
        self._access[access] = (flavour, grant.user)
        body: dict[str, Any] = {"access_token": access, "token_type": "bearer", "expires_in": 3600}
        if flavour == "google":
            body["id_token"] = self._id_token(grant)
        return JSONResponse(body, headers={"Cache-Control": "no-store"})

    def _id_token(self, grant: _Grant) -> str:
        now = int(time.time())
        claims: dict[str, Any] = {
            "iss": self.issuer,
            "aud": grant.client_id,
            "sub": grant.user.subject,
            "iat": now,
            "exp": now + 3600,
            "nonce": "another-login" if self.tamper == "nonce" else grant.nonce,
        }
        if self.id_token_profile:
            claims.update(self._google_claims(grant.user))
        key = self._stranger_key if self.tamper == "signature" else self._key
        return jwt.encode(claims, key, algorithm="RS256", headers={"kid": self.kid})

    @staticmethod
    def _google_claims(user: ProviderUser) -> dict[str, Any]:
        claims: dict[str, Any] = {"name": user.nickname}
        if user.email is not None:
            claims.update(email=user.email, email_verified=user.email_verified)
        return claims

    async def userinfo(self, request: Request, flavour: Flavour) -> Response:
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        found = self._access.get(token) if scheme.lower() == "bearer" else None
        if found is None or found[0] != flavour:
            return _oauth_error("invalid_token", 401)
        user = found[1]
        if flavour == "google":
            return JSONResponse({"sub": user.subject, **self._google_claims(user)})
        if flavour == "kakao":
            account: dict[str, Any] = {
                "profile_nickname_needs_agreement": False,
                "profile": {"nickname": user.nickname, "is_default_nickname": False},
                "has_email": user.email is not None,
            }
            if user.email is not None:
                account.update(
                    email_needs_agreement=False,
                    is_email_valid=True,
                    is_email_verified=user.email_verified,
                    email=user.email,
                )
            return JSONResponse(
                {
                    "id": int(user.subject),
                    "connected_at": "2026-11-25T00:00:00Z",
                    "kakao_account": account,
                }
            )
        person: dict[str, Any] = {"id": user.subject, "nickname": user.nickname}
        if user.email is not None:
            person["email"] = user.email
        return JSONResponse({"resultcode": "00", "message": "success", "response": person})


class _TestServer(uvicorn.Server):
    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        # The test runner owns the process's signals.
        yield


@asynccontextmanager
async def running_oauth_provider() -> AsyncIterator[OAuthTestProvider]:
    provider = OAuthTestProvider()
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    provider.base_url = f"http://127.0.0.1:{listener.getsockname()[1]}"
    server = _TestServer(
        uvicorn.Config(provider.app(), log_config=None, access_log=False, lifespan="off")
    )
    task = asyncio.create_task(server.serve(sockets=[listener]))

    async def started() -> bool:
        if task.done():
            task.result()  # surfaces why the server stopped
        return server.started

    try:
        await eventually(started, timeout=10)
        yield provider
    finally:
        server.should_exit = True
        await task
        listener.close()


async def social_login(
    client: httpx.AsyncClient, provider: Flavour, *, next_path: str = "/"
) -> httpx.Response:
    """What the browser does: start at MungMo, follow the 302 to the provider, come back
    to the callback with the code (and MungMo's state cookie). Returns the callback."""
    start = await client.get(f"/api/v1/auth/{provider}/start", params={"next": next_path})
    assert start.status_code == 302, start.text
    async with httpx.AsyncClient(timeout=10) as browser:
        authorize = await browser.get(start.headers["location"])
    assert authorize.status_code == 302, authorize.text
    return await client.get(authorize.headers["location"])
