"""RFC 9457 problem details for every error the API returns."""

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from mungmo.platform.errors import BodyTooLarge, DomainError, FieldProblem
from mungmo.platform.http.routing import allowed_methods
from mungmo.platform.logging import get_logger, request_id_var

log = get_logger(__name__)

PROBLEM_TYPE_BASE = "https://mungmo.app/problems/"
MEDIA_TYPE = "application/problem+json"


class Problem(BaseModel):
    type: str
    title: str
    status: int
    code: str
    detail: str | None = None
    instance: str | None = None
    errors: list[FieldProblem] = []
    request_id: str | None = None


def problem_response(
    request: Request,
    *,
    status: int,
    code: str,
    title: str,
    detail: str | None = None,
    errors: list[FieldProblem] | None = None,
    headers: dict[str, str] | None = None,
    extensions: dict[str, Any] | None = None,
) -> JSONResponse:
    body = Problem(
        type=PROBLEM_TYPE_BASE + code,
        title=title,
        status=status,
        code=code,
        detail=detail,
        instance=request.url.path,
        errors=errors or [],
        request_id=request_id_var.get(),
    )
    return JSONResponse(
        {**(extensions or {}), **body.model_dump(exclude_none=True)},
        status_code=status,
        media_type=MEDIA_TYPE,
        headers=headers,
    )


_HTTP_CODES = {
    400: ("request.bad", "Bad request"),
    401: ("auth.unauthenticated", "Authentication required"),
    403: ("auth.forbidden", "Not allowed"),
    404: ("http.not_found", "Not found"),
    405: ("http.method_not_allowed", "Method not allowed"),
    406: ("http.not_acceptable", "Not acceptable"),
    413: ("request.too_large", "Request body too large"),
    415: ("request.unsupported_media_type", "Unsupported media type"),
    429: ("rate_limited", "Too many requests"),
}

# Pydantic error types → stable codes the UI translates.
_VALIDATION_CODES = {
    "missing": "validation.required",
    "string_too_short": "validation.too_short",
    "string_too_long": "validation.too_long",
    "too_short": "validation.too_short",
    "too_long": "validation.too_long",
    "string_pattern_mismatch": "validation.pattern",
    "value_error": "validation.invalid",
    "extra_forbidden": "validation.unknown_field",
    "greater_than_equal": "validation.too_small",
    "greater_than": "validation.too_small",
    "less_than_equal": "validation.too_large",
    "less_than": "validation.too_large",
    "uuid_parsing": "validation.invalid_id",
    "enum": "validation.choice",
    "literal_error": "validation.choice",
}


def _field_name(location: tuple[Any, ...]) -> str:
    parts = [str(part) for part in location if part not in ("body", "query", "path", "header")]
    return ".".join(parts) or "body"


def _validation_problem(error: dict[str, Any]) -> FieldProblem:
    kind = str(error.get("type", ""))
    code = _VALIDATION_CODES.get(kind)
    if code is None:
        code = "validation.type" if kind.endswith(("_type", "_parsing")) else "validation.invalid"
    if kind == "value_error" and "email" in str(error.get("msg", "")).lower():
        code = "validation.invalid_email"
    return FieldProblem(
        field=_field_name(tuple(error.get("loc", ()))), code=code, message=error["msg"]
    )


def install_problem_handlers(app: FastAPI) -> None:
    @app.exception_handler(DomainError)
    async def on_domain_error(request: Request, error: DomainError) -> JSONResponse:
        return problem_response(
            request,
            status=error.status,
            code=error.code,
            title=error.title,
            detail=error.detail,
            errors=error.errors,
            headers=error.headers,
            extensions=error.extensions,
        )

    @app.exception_handler(RequestValidationError)
    async def on_validation_error(request: Request, error: RequestValidationError) -> JSONResponse:
        raw = list(error.errors())
        if any(item.get("type") == "json_invalid" for item in raw):
            return problem_response(
                request,
                status=400,
                code="request.malformed_json",
                title="The body is not valid JSON",
                detail="The request body could not be parsed as JSON.",
            )
        return problem_response(
            request,
            status=422,
            code="validation.failed",
            title="Some fields are not valid",
            detail="Check the highlighted fields.",
            errors=[_validation_problem(item) for item in raw],
        )

    @app.exception_handler(StarletteHTTPException)
    async def on_http_error(request: Request, error: StarletteHTTPException) -> JSONResponse:
        code, title = _HTTP_CODES.get(error.status_code, ("http.error", "HTTP error"))
        detail = error.detail if isinstance(error.detail, str) else None
        headers = dict(error.headers or {})
        if error.status_code == 405:
            # The router names only the first route it matched; a path may have several.
            headers["Allow"] = ", ".join(allowed_methods(request.app, request.url.path))
        return problem_response(
            request,
            status=error.status_code,
            code=code,
            title=title,
            detail=detail,
            headers=headers,
        )

    @app.exception_handler(BodyTooLarge)
    async def on_too_large(request: Request, error: BodyTooLarge) -> JSONResponse:
        return await on_domain_error(request, error)
