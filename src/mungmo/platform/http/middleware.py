"""ASGI middleware: request id and access log, metrics, body size limit, write rate limit."""

import re
import time
import uuid
from collections.abc import Mapping
from typing import Any

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mungmo.platform.auth import TokenVerifier
from mungmo.platform.errors import BodyTooLarge
from mungmo.platform.http.problems import problem_response
from mungmo.platform.logging import get_logger, request_id_var
from mungmo.platform.metrics import Metrics
from mungmo.platform.ratelimit import RateLimiter

log = get_logger("mungmo.http")

_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
_WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return str(value.decode("latin-1"))
    return None


class RequestContextMiddleware:
    """Sets the request id (kept from X-Request-ID when well-formed), logs and measures."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = _header(scope, b"x-request-id")
        request_id = incoming if incoming and _REQUEST_ID.match(incoming) else uuid.uuid4().hex
        token = request_id_var.set(request_id)
        started = time.perf_counter()
        status = 500
        started_response = False

        async def send_with_id(message: Message) -> None:
            nonlocal status, started_response
            if message["type"] == "http.response.start":
                started_response = True
                status = message["status"]
                headers = list(message.get("headers", []))
                headers.append((b"x-request-id", request_id.encode()))
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except Exception:
            # Answer here, while the request id is still known, rather than in
            # Starlette's outermost error middleware.
            log.exception("http.unhandled", request_id=request_id, path=scope["path"])
            if started_response:
                raise
            await problem_response(
                Request(scope),
                status=500,
                code="internal",
                title="Something went wrong on our side",
                detail="The error was logged; please quote the request id if you report it.",
            )(scope, receive, send_with_id)
        finally:
            elapsed = time.perf_counter() - started
            route = _route_template(scope)
            method = scope["method"]
            self.metrics.http_requests.labels(method, route, str(status)).inc()
            self.metrics.http_latency.labels(method, route).observe(elapsed)
            if route not in ("/health", "/ready", "/metrics"):
                log.info(
                    "http.request",
                    request_id=request_id,
                    method=method,
                    path=scope["path"],
                    status=status,
                    ms=round(elapsed * 1000, 2),
                )
            request_id_var.reset(token)


def _route_template(scope: Scope) -> str:
    route: Any = scope.get("route")
    path = getattr(route, "path", None)
    if isinstance(path, str):
        return path
    return "/api/*" if scope["path"].startswith("/api/") else "static"


class BodyLimitMiddleware:
    """Refuses bodies over the limit: at once by Content-Length, or while streaming.

    ``overrides`` maps path prefixes (e.g. upload endpoints) to their own limit.
    """

    def __init__(
        self, app: ASGIApp, max_bytes: int, overrides: Mapping[str, int] | None = None
    ) -> None:
        self.app = app
        self.max_bytes = max_bytes
        # Longest prefix first, so the most specific override wins.
        self.overrides = sorted(
            ((prefix.rstrip("/"), limit) for prefix, limit in (overrides or {}).items()),
            key=lambda item: len(item[0]),
            reverse=True,
        )

    def limit_for(self, path: str) -> int:
        for prefix, limit in self.overrides:
            if path == prefix or path.startswith(prefix + "/"):
                return limit
        return self.max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        max_bytes = self.limit_for(scope["path"])
        declared = _header(scope, b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > max_bytes:
            await _send_too_large(scope, send, max_bytes)
            return
        received = 0
        exceeded = False

        async def limited_receive() -> Message:
            nonlocal received, exceeded
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > max_bytes:
                    exceeded = True
                    raise BodyTooLarge(f"The body may be at most {max_bytes} bytes.")
            return message

        replaced = False

        async def guarded_send(message: Message) -> None:
            # Frameworks turn a failed body read into their own 400; answer 413 instead.
            nonlocal replaced
            if not exceeded:
                await send(message)
            elif not replaced:
                replaced = True
                await _send_too_large(scope, send, max_bytes)

        await self.app(scope, limited_receive, guarded_send)


async def _send_too_large(scope: Scope, send: Send, max_bytes: int) -> None:
    response = problem_response(
        Request(scope),
        status=413,
        code=BodyTooLarge.code,
        title=BodyTooLarge.title,
        detail=f"The body may be at most {max_bytes} bytes.",
    )
    await response(scope, _no_receive, send)


async def _no_receive() -> Message:
    return {"type": "http.disconnect"}


class WriteRateLimitMiddleware:
    """Caps state-changing requests per account, or per client address without one.

    Korean carriers put many phones behind few addresses, so a verified access token
    earns its account its own budget; anything else (no token, a forged or expired
    one) counts against the address.
    """

    def __init__(self, app: ASGIApp, limiter: RateLimiter, verifier: TokenVerifier) -> None:
        self.app = app
        self.limiter = limiter
        self.verifier = verifier

    async def _key(self, scope: Scope) -> str:
        scheme, _, token = (_header(scope, b"authorization") or "").partition(" ")
        if scheme.lower() == "bearer" and token:
            try:
                actor = await self.verifier.verify(token.strip())
            except Exception:  # noqa: S110 - a bad token or unreachable keys: the route decides
                pass  # here the token only earns no budget of its own
            else:
                return f"account:{actor.member_id}"
        client = scope.get("client")
        return f"address:{client[0] if client else 'unknown'}"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] in _WRITE_METHODS:
            key = await self._key(scope)
            wait = self.limiter.retry_after(key)
            if wait > 0:
                seconds = max(1, int(wait + 0.999))
                response = problem_response(
                    Request(scope),
                    status=429,
                    code="rate_limited",
                    title="Too many requests",
                    detail=f"Too many changes; try again in {seconds} seconds.",
                    headers={"Retry-After": str(seconds)},
                )
                await response(scope, receive, send)
                return
            self.limiter.hit(key)
        await self.app(scope, receive, send)
