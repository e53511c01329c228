"""Social login: providers, start (302 to the provider), callback, link consent."""

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Cookie, Query, Request, Response, status
from fastapi.responses import RedirectResponse

from mungmo.identity import service
from mungmo.identity.api.common import (
    REFRESH_COOKIE_PATH,
    CookiePolicy,
    CookiePolicyDep,
    IdentityDep,
    client_address,
    set_session_cookie,
)
from mungmo.identity.schemas import LinkedSessionRead, LinkRequest, LinkTicketRead, ProviderRead
from mungmo.identity.service import Identity

router = APIRouter(tags=["identity"])

OAUTH_COOKIE = "mungmo_oauth"
# The SPA page where the owner of an existing account consents to linking.
LINK_PAGE = "/auth/link"

StateCookie = Annotated[str | None, Cookie(alias=OAUTH_COOKIE, include_in_schema=False)]
QueryValue = Annotated[str | None, Query(max_length=2000)]


def _callback_url(request: Request, identity: Identity, provider: str) -> str:
    base = identity.social.redirect_base_url or str(request.base_url)
    return f"{base.rstrip('/')}/api/v1/auth/{provider}/callback"


def _set_state_cookie(response: Response, value: str, max_age: int, cookies: CookiePolicy) -> None:
    # Lax, not strict: the provider's redirect back is a cross-site navigation.
    response.set_cookie(
        OAUTH_COOKIE,
        value,
        max_age=max_age,
        path=REFRESH_COOKIE_PATH,
        httponly=True,
        secure=cookies.secure,
        samesite="lax",
    )


def _clear_state_cookie(response: Response, cookies: CookiePolicy) -> None:
    response.delete_cookie(
        OAUTH_COOKIE,
        path=REFRESH_COOKIE_PATH,
        httponly=True,
        secure=cookies.secure,
        samesite="lax",
    )


@router.get("/api/v1/auth/providers")
async def list_social_providers(identity: IdentityDep) -> list[ProviderRead]:
    return service.list_providers(identity)


@router.get(
    "/api/v1/auth/{provider}/start",
    status_code=status.HTTP_302_FOUND,
    response_class=RedirectResponse,
)
async def start_social_login(
    provider: str,
    request: Request,
    identity: IdentityDep,
    cookies: CookiePolicyDep,
    next_path: Annotated[str | None, Query(alias="next", max_length=1000)] = None,
) -> RedirectResponse:
    started = await service.start_social_login(
        identity,
        provider,
        redirect_uri=_callback_url(request, identity, provider),
        next_path=next_path,
    )
    response = RedirectResponse(started.authorization_url, status_code=status.HTTP_302_FOUND)
    _set_state_cookie(response, started.state_cookie, started.state_max_age, cookies)
    response.headers["Cache-Control"] = "no-store"
    return response


@router.get(
    "/api/v1/auth/{provider}/callback",
    status_code=status.HTTP_302_FOUND,
    response_class=RedirectResponse,
)
async def finish_social_login(
    provider: str,
    request: Request,
    identity: IdentityDep,
    cookies: CookiePolicyDep,
    code: QueryValue = None,
    state: QueryValue = None,
    error: QueryValue = None,
    state_cookie: StateCookie = None,
) -> RedirectResponse:
    """Logged in: 302 to where the login started (the SPA then calls /auth/refresh).
    Same verified e-mail as an existing account: 302 to the link page with a ticket."""
    outcome = await service.complete_social_login(
        identity,
        provider,
        code=code,
        state=state,
        error=error,
        state_cookie=state_cookie,
        redirect_uri=_callback_url(request, identity, provider),
        client=client_address(request),
    )
    if outcome.session is not None:
        location = outcome.next_path
    else:
        location = f"{LINK_PAGE}?{urlencode({'ticket': outcome.link_ticket or ''})}"
    response = RedirectResponse(location, status_code=status.HTTP_302_FOUND)
    _clear_state_cookie(response, cookies)  # one use only
    if outcome.session is not None:
        set_session_cookie(response, outcome.session, cookies)
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


@router.get("/api/v1/auth/link")
async def get_link_ticket(
    identity: IdentityDep, ticket: Annotated[str, Query(min_length=1, max_length=2000)]
) -> LinkTicketRead:
    return service.read_link_ticket(identity, ticket)


@router.post("/api/v1/auth/link")
async def link_social_account(
    body: LinkRequest,
    request: Request,
    response: Response,
    identity: IdentityDep,
    cookies: CookiePolicyDep,
) -> LinkedSessionRead:
    issued, next_path = await service.link_social_account(identity, body, client_address(request))
    set_session_cookie(response, issued, cookies)
    return LinkedSessionRead(
        access_token=issued.access_token,
        expires_in=issued.expires_in,
        account_id=issued.account_id,
        next=next_path,
    )
