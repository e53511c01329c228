"""Identity HTTP API: sign-up, login, refresh, logout, and the public keys."""

from typing import Annotated

from fastapi import APIRouter, Cookie, Depends, Request, Response, status

from mungmo.identity import service
from mungmo.identity.schemas import (
    AccountCreate,
    AccountRead,
    JwksRead,
    LoginRequest,
    TokenRead,
)
from mungmo.identity.service import Identity, IssuedSession
from mungmo.platform.service import provide

router = APIRouter(tags=["identity"])

REFRESH_COOKIE = "mungmo_refresh"
REFRESH_COOKIE_PATH = "/api/v1/auth"

IdentityDep = Annotated[Identity, Depends(provide(Identity))]
RefreshCookie = Annotated[str | None, Cookie(alias=REFRESH_COOKIE, include_in_schema=False)]


class CookiePolicy:
    """Whether the refresh cookie needs HTTPS (off for plain-HTTP local runs)."""

    def __init__(self, secure: bool) -> None:
        self.secure = secure


CookiePolicyDep = Annotated[CookiePolicy, Depends(provide(CookiePolicy))]


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _token_response(response: Response, issued: IssuedSession, cookies: CookiePolicy) -> TokenRead:
    response.set_cookie(
        REFRESH_COOKIE,
        issued.refresh_token,
        max_age=issued.refresh_expires_in,
        path=REFRESH_COOKIE_PATH,
        httponly=True,
        secure=cookies.secure,
        samesite="strict",
    )
    response.headers["Cache-Control"] = "no-store"
    return TokenRead(
        access_token=issued.access_token,
        expires_in=issued.expires_in,
        account_id=issued.account_id,
    )


@router.post("/api/v1/accounts", status_code=status.HTTP_201_CREATED)
async def register_account(
    body: AccountCreate, request: Request, identity: IdentityDep
) -> AccountRead:
    return await service.register_account(identity, body, _client(request))


@router.post("/api/v1/auth/login")
async def log_in(
    body: LoginRequest,
    request: Request,
    response: Response,
    identity: IdentityDep,
    cookies: CookiePolicyDep,
) -> TokenRead:
    issued = await service.log_in(identity, body, _client(request))
    return _token_response(response, issued, cookies)


@router.post("/api/v1/auth/refresh")
async def refresh_session(
    response: Response,
    identity: IdentityDep,
    cookies: CookiePolicyDep,
    refresh_cookie: RefreshCookie = None,
) -> TokenRead:
    issued = await service.refresh_session(identity, refresh_cookie)
    return _token_response(response, issued, cookies)


@router.post("/api/v1/auth/logout", status_code=status.HTTP_204_NO_CONTENT)
async def log_out(
    response: Response,
    identity: IdentityDep,
    cookies: CookiePolicyDep,
    refresh_cookie: RefreshCookie = None,
) -> None:
    await service.log_out(identity, refresh_cookie)
    response.delete_cookie(
        REFRESH_COOKIE,
        path=REFRESH_COOKIE_PATH,
        httponly=True,
        secure=cookies.secure,
        samesite="strict",
    )


@router.get("/.well-known/jwks.json")
async def get_jwks(identity: IdentityDep) -> JwksRead:
    return JwksRead.model_validate(identity.signer.jwks())
