"""What the identity routers share: dependencies and the session cookie."""

from typing import Annotated

from fastapi import Cookie, Depends, Request, Response

from mungmo.identity.schemas import TokenRead
from mungmo.identity.service import Identity, IssuedSession
from mungmo.platform.http.cookies import cookies_secure
from mungmo.platform.service import provide

REFRESH_COOKIE = "mungmo_refresh"
REFRESH_COOKIE_PATH = "/api/v1/auth"

IdentityDep = Annotated[Identity, Depends(provide(Identity))]
RefreshCookie = Annotated[str | None, Cookie(alias=REFRESH_COOKIE, include_in_schema=False)]


class CookieSecurity:
    """The operator's setting: ``None`` decides per request (Secure except on
    plain-HTTP localhost), ``True``/``False`` forces it."""

    def __init__(self, configured: bool | None) -> None:
        self.configured = configured


class CookiePolicy:
    """Whether this request's session cookies need HTTPS."""

    def __init__(self, secure: bool) -> None:
        self.secure = secure


def _request_cookie_policy(
    request: Request, security: Annotated[CookieSecurity, Depends(provide(CookieSecurity))]
) -> CookiePolicy:
    return CookiePolicy(cookies_secure(request, security.configured))


CookiePolicyDep = Annotated[CookiePolicy, Depends(_request_cookie_policy)]


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def set_session_cookie(response: Response, issued: IssuedSession, cookies: CookiePolicy) -> None:
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


def clear_session_cookie(response: Response, cookies: CookiePolicy) -> None:
    response.delete_cookie(
        REFRESH_COOKIE,
        path=REFRESH_COOKIE_PATH,
        httponly=True,
        secure=cookies.secure,
        samesite="strict",
    )


def token_response(response: Response, issued: IssuedSession, cookies: CookiePolicy) -> TokenRead:
    set_session_cookie(response, issued, cookies)
    return TokenRead(
        access_token=issued.access_token,
        expires_in=issued.expires_in,
        account_id=issued.account_id,
    )
