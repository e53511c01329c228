"""The FastAPI application for one service or for all of them in one process."""

import hmac
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.responses import FileResponse, JSONResponse
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from pydantic import SecretStr
from starlette.exceptions import HTTPException as StarletteHTTPException

from mungmo.platform.auth import TokenVerifier
from mungmo.platform.config import PlatformSettings
from mungmo.platform.errors import NotFound, Unauthenticated
from mungmo.platform.events.catalogue import asyncapi_document
from mungmo.platform.http.middleware import (
    BodyLimitMiddleware,
    RequestContextMiddleware,
    WriteRateLimitMiddleware,
)
from mungmo.platform.http.problems import Problem, install_problem_handlers
from mungmo.platform.http.routing import WEB_APP_ROUTE, allowed_methods
from mungmo.platform.ratelimit import RateLimiter
from mungmo.platform.realtime.api import router as realtime_router
from mungmo.platform.runtime import Runtime


def _operation_id(route: APIRoute) -> str:
    tag = route.tags[0] if route.tags else "mungmo"
    return f"{tag}-{route.name}"


def create_app(
    runtime: Runtime,
    settings: PlatformSettings,
    verifier: TokenVerifier,
    *,
    title: str = "MungMo",
) -> FastAPI:
    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        await runtime.start()
        try:
            yield
        finally:
            await runtime.stop()

    app = FastAPI(
        title=title,
        version="0.1.0",
        lifespan=lifespan,
        generate_unique_id_function=_operation_id,
        responses={
            "default": {"model": Problem, "content": {"application/problem+json": {}}},
        },
    )
    app.state.runtime = runtime
    app.state.token_verifier = verifier
    app.state.dependencies = {
        type(dependency): dependency
        for module in runtime.modules
        for dependency in module.dependencies
    }
    install_problem_handlers(app)
    for module in runtime.modules:
        for router in module.routers:
            app.include_router(router)
    if runtime.realtime_hub is not None:
        app.state.realtime_hub = runtime.realtime_hub
        app.state.realtime_feeds = runtime.realtime_feeds
        app.include_router(realtime_router)
    _add_operations_routes(app, runtime)
    if settings.web_dist is not None:
        _serve_web(app, settings.web_dist)

    app.add_middleware(
        WriteRateLimitMiddleware,
        limiter=RateLimiter(settings.write_rate_per_minute, 60),
        verifier=verifier,
    )
    app.add_middleware(
        BodyLimitMiddleware,
        max_bytes=settings.max_body_bytes,
        overrides=dict.fromkeys(settings.upload_path_prefixes, settings.upload_max_bytes),
    )
    app.add_middleware(RequestContextMiddleware, metrics=runtime.metrics)
    return app


def _add_operations_routes(app: FastAPI, runtime: Runtime) -> None:
    @app.get("/health", tags=["ops"], include_in_schema=False)
    async def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/ready", tags=["ops"], include_in_schema=False)
    async def ready() -> JSONResponse:
        checks = await runtime.ready()
        ok = all(value == "ok" for value in checks.values())
        return JSONResponse(
            {"status": "ok" if ok else "unavailable", "checks": checks},
            status_code=200 if ok else 503,
        )

    @app.get("/metrics", tags=["ops"], include_in_schema=False)
    async def metrics(request: Request) -> Response:
        _check_metrics_token(request, runtime.settings.metrics_token)
        return Response(generate_latest(runtime.metrics.registry), media_type=CONTENT_TYPE_LATEST)

    @app.get("/asyncapi.json", tags=["ops"], include_in_schema=False)
    async def asyncapi() -> dict[str, Any]:
        return asyncapi_document(topic_prefix=runtime.settings.kafka_topic_prefix)


def _check_metrics_token(request: Request, expected: SecretStr | None) -> None:
    """Metrics show traffic and backlog figures: only a scraper holding the token sees them.

    Without a configured token the endpoint does not exist on the public port.
    """
    if expected is None:
        raise NotFound("No such endpoint.")
    scheme, _, presented = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        presented.strip().encode(), expected.get_secret_value().encode()
    ):
        raise Unauthenticated(
            "Send the metrics token as a bearer token.", headers={"WWW-Authenticate": "Bearer"}
        )


def _serve_web(app: FastAPI, dist: Path) -> None:
    index = dist / "index.html"
    if not index.is_file():
        raise RuntimeError(f"web app not built: {index} is missing (run 'npm run build' in web/)")
    assets = dist / "assets"
    if assets.is_dir():
        app.mount("/assets", StaticFiles(directory=assets), name="assets")
    root = dist.resolve()

    @app.get("/{path:path}", include_in_schema=False, name=WEB_APP_ROUTE)
    async def web_app(path: str, request: Request) -> FileResponse:
        if path.startswith(("api/", "assets/")) or path == "api":
            # GET on an API path that has only other methods is a 405, not a 404.
            methods = allowed_methods(app, request.url.path)
            if methods:
                raise StarletteHTTPException(405, headers={"Allow": ", ".join(methods)})
            raise NotFound("No such endpoint.")
        candidate = (root / path).resolve()
        if path and candidate.is_file() and candidate.is_relative_to(root):
            return FileResponse(candidate)
        # Client-side routes all load the app shell; it must never be cached stale.
        return FileResponse(index, headers={"Cache-Control": "no-cache"})
