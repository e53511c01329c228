"""Sign-up, login, refresh, logout, and the public keys."""

from fastapi import APIRouter, Request, Response, status

from mungmo.identity import service
from mungmo.identity.api.common import (
    CookiePolicyDep,
    IdentityDep,
    RefreshCookie,
    clear_session_cookie,
    client_address,
    token_response,
)
from mungmo.identity.schemas import AccountCreate, AccountRead, JwksRead, LoginRequest, TokenRead

router = APIRouter(tags=["identity"])


@router.post("/api/v1/accounts", status_code=status.HTTP_201_CREATED)
async def register_account(
    body: AccountCreate, request: Request, identity: IdentityDep
) -> AccountRead:
    return await service.register_account(identity, body, client_address(request))


@router.post("/api/v1/auth/login")
async def log_in(
    body: LoginRequest,
    request: Request,
    response: Response,
    identity: IdentityDep,
    cookies: CookiePolicyDep,
) -> TokenRead:
    issued = await service.log_in(identity, body, client_address(request))
    return token_response(response, issued, cookies)


@router.post("/api/v1/auth/refresh")
async def refresh_session(
    response: Response,
    identity: IdentityDep,
    cookies: CookiePolicyDep,
    refresh_cookie: RefreshCookie = None,
) -> TokenRead:
    issued = await service.refresh_session(identity, refresh_cookie)
    return token_response(response, issued, cookies)


@router.post("/api/v1/auth/logout", status_code=status.HTTP_204_NO_CONTENT)
async def log_out(
    response: Response,
    identity: IdentityDep,
    cookies: CookiePolicyDep,
    refresh_cookie: RefreshCookie = None,
) -> None:
    await service.log_out(identity, refresh_cookie)
    clear_session_cookie(response, cookies)


@router.get("/.well-known/jwks.json")
async def get_jwks(identity: IdentityDep) -> JwksRead:
    return JwksRead.model_validate(identity.signer.jwks())
