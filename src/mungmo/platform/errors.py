"""Domain errors carry an HTTP status and a stable code the UI translates (e.g. ``meetup.full``)."""

from datetime import datetime, timedelta, timezone
from typing import Any, ClassVar

from pydantic import BaseModel


class FieldProblem(BaseModel):
    field: str
    code: str
    message: str


class DomainError(Exception):
    status: ClassVar[int] = 400
    code: ClassVar[str] = "request.invalid"
    title: ClassVar[str] = "The request cannot be carried out"

    def __init__(
        self,
        detail: str | None = None,
        *,
        errors: list[FieldProblem] | None = None,
        headers: dict[str, str] | None = None,
        extensions: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(detail or self.title)
        self.detail = detail or self.title
        self.errors = errors or []
        self.headers = headers or {}
        # RFC 9457 extension members added to the problem body (JSON-ready values).
        self.extensions = extensions or {}


class NotFound(DomainError):
    status = 404
    code = "resource.not_found"
    title = "Not found"


class Conflict(DomainError):
    status = 409
    code = "resource.conflict"
    title = "Conflict with the current state"


class Unauthenticated(DomainError):
    status = 401
    code = "auth.unauthenticated"
    title = "Authentication required"


class TokenExpired(Unauthenticated):
    code = "auth.token_expired"
    title = "The access token has expired"


class AccessRevoked(Unauthenticated):
    """The account was banned or deleted after the token was issued."""

    code = "auth.access_revoked"
    title = "Access to this account was revoked"


class Forbidden(DomainError):
    status = 403
    code = "auth.forbidden"
    title = "Not allowed"


class RateLimited(DomainError):
    status = 429
    code = "rate_limited"
    title = "Too many requests"

    def __init__(self, retry_after_seconds: int) -> None:
        self.retry_after_seconds = max(1, retry_after_seconds)
        super().__init__(
            f"Too many requests; try again in {self.retry_after_seconds} seconds",
            headers={"Retry-After": str(self.retry_after_seconds)},
        )


class BodyTooLarge(DomainError):
    status = 413
    code = "request.too_large"
    title = "Request body too large"


class WritesSuspended(DomainError):
    """The member's 발도장 reached 0: until the suspension ends they can log in and read,
    and every service refuses their writes. The end is in ``suspended_until``."""

    status = 403
    code = "trust.suspended"
    title = "Your account is suspended: you can read but not post or take part"

    def __init__(self, until: datetime) -> None:
        korean = f"{until.astimezone(timezone(timedelta(hours=9))):%Y-%m-%d %H:%M}"
        super().__init__(
            f"발도장이 0점이 되어 {korean}(한국 시간)까지 글쓰기와 참여가 정지되었어요. "
            f"Your 발도장 reached 0: you can read, but not post or take part, until "
            f"{korean} (Korean time).",
            extensions={"suspended_until": until.isoformat()},
        )
