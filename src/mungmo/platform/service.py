"""What a service hands the composition root: its database, routes, handlers and dependencies."""

from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, TypeVar, cast

from fastapi import APIRouter, Request

from mungmo.platform.clock import Clock, utc_now
from mungmo.platform.config import PlatformSettings
from mungmo.platform.db.database import Database
from mungmo.platform.db.uow import UnitOfWork
from mungmo.platform.events.consumer import EventHandler
from mungmo.platform.metrics import Metrics
from mungmo.platform.realtime.feeds import RealtimeFeed
from mungmo.platform.scheduling import JobHandler

T = TypeVar("T")


@dataclass
class PlatformContext:
    settings: PlatformSettings
    metrics: Metrics
    clock: Clock = utc_now

    def uow_factory(self, database: Database) -> Callable[..., UnitOfWork]:
        return partial(
            UnitOfWork,
            database,
            topic_prefix=self.settings.kafka_topic_prefix,
            clock=self.clock,
            max_payload_bytes=self.settings.events_max_payload_bytes,
        )


@dataclass
class ServiceModule:
    name: str
    database: Database
    migrations_dir: Path
    uow_factory: Callable[..., UnitOfWork]
    routers: list[APIRouter] = field(default_factory=list)
    handlers: list[EventHandler] = field(default_factory=list)
    # Objects the service's API resolves with ``provide(Type)``.
    dependencies: list[object] = field(default_factory=list)
    # Set by the service that signs access tokens (identity).
    public_keys: Callable[[], dict[str, Any]] | None = None
    # Work started in the background once the runtime is up (e.g. loading shipped data
    # into an empty table); cancelled at shutdown. It must catch and log its own errors.
    background: list[Callable[[], Coroutine[Any, Any, None]]] = field(default_factory=list)
    # Durable scheduled jobs (mungmo.platform.scheduling) this service runs; its metadata
    # then needs ``service_metadata(scheduled_jobs=True)``.
    jobs: list[JobHandler] = field(default_factory=list)
    # Events this service puts on the real-time channel (mungmo.platform.realtime).
    realtime: list[RealtimeFeed] = field(default_factory=list)


def provide(kind: type[T]) -> Callable[[Request], T]:
    """FastAPI dependency returning the instance of ``kind`` the composition root registered."""

    def dependency(request: Request) -> T:
        registered: dict[type, object] = request.app.state.dependencies
        try:
            return cast(T, registered[kind])
        except KeyError:
            raise RuntimeError(f"{kind.__name__} is not wired into this app") from None

    return dependency
