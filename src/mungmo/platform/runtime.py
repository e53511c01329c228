"""Starts and stops what runs beside the HTTP app: migrations, relays, consumers."""

import asyncio
import contextlib
from collections.abc import Coroutine
from datetime import timedelta
from typing import Any

from mungmo.platform.config import PlatformSettings
from mungmo.platform.db.migrations import upgrade_to_head
from mungmo.platform.deny_list import DenyList
from mungmo.platform.events.consumer import EventConsumer
from mungmo.platform.events.contract import all_contracts
from mungmo.platform.events.relay import OutboxRelay
from mungmo.platform.events.retention import Pruner
from mungmo.platform.events.transport import Transport
from mungmo.platform.logging import get_logger
from mungmo.platform.metrics import Metrics
from mungmo.platform.realtime.feeder import Feeder
from mungmo.platform.realtime.hub import Hub
from mungmo.platform.scheduling import JobRunner
from mungmo.platform.service import ServiceModule

log = get_logger(__name__)


class UnsafeForProduction(RuntimeError):
    """MUNGMO_MODE=production with settings that can lose events."""


class Runtime:
    def __init__(
        self,
        settings: PlatformSettings,
        modules: list[ServiceModule],
        transport: Transport,
        metrics: Metrics,
        deny_list: DenyList | None = None,
    ) -> None:
        self.settings = settings
        self.modules = modules
        self.transport = transport
        self.metrics = metrics
        self.deny_list = deny_list
        self.relays: dict[str, OutboxRelay] = {}
        self.consumers: dict[str, EventConsumer] = {}
        self.job_runners: dict[str, JobRunner] = {}
        # The real-time channel of this instance, when a service has feeds for it.
        self.realtime_feeds = [feed for module in modules for feed in module.realtime]
        self.realtime_hub: Hub | None = Hub() if self.realtime_feeds else None
        self.realtime_feeder: Feeder | None = None
        self._tasks: list[asyncio.Task[None]] = []

    async def migrate(self) -> None:
        for module in self.modules:
            await upgrade_to_head(module.database, module.migrations_dir)

    async def start(self) -> None:
        if self.settings.mode == "production":
            problems = self.settings.unsafe_for_production()
            if problems:
                raise UnsafeForProduction("refusing to start in production: " + "; ".join(problems))
        if self.settings.auto_migrate:
            await self.migrate()
        if self.deny_list is not None:
            # Loaded before the first request: a restart must not forget a ban.
            await self.deny_list.refresh()
            self._spawn(self.deny_list.run(), "deny_list")
        prefix = self.settings.kafka_topic_prefix
        await self.transport.start(sorted({prefix + c.topic for c in all_contracts()}))
        for module in self.modules:
            relay = OutboxRelay(
                module.database,
                self.transport,
                service=module.name,
                metrics=self.metrics,
                batch_size=self.settings.relay_batch_size,
                poll_seconds=self.settings.relay_poll_seconds,
                max_refusals=self.settings.relay_max_refusals,
            )
            self.relays[module.name] = relay
            self._spawn(relay.run(), f"relay.{module.name}")
            if module.handlers:
                consumer = EventConsumer(
                    service=module.name,
                    transport=self.transport,
                    handlers=module.handlers,
                    uow_factory=module.uow_factory,
                    topic_prefix=prefix,
                    metrics=self.metrics,
                    max_attempts=self.settings.consumer_max_attempts,
                    backoff_seconds=self.settings.consumer_backoff_seconds,
                    max_backoff_seconds=self.settings.consumer_max_backoff_seconds,
                    # SQLite has one writer: transactions side by side only queue there.
                    keys_in_flight=(
                        1 if module.database.is_sqlite else self.settings.consumer_keys_in_flight
                    ),
                )
                self.consumers[module.name] = consumer
                self._spawn(consumer.run(), f"consumer.{module.name}")
        for module in self.modules:
            if module.jobs:
                runner = JobRunner(
                    module.uow_factory,
                    module.jobs,
                    service=module.name,
                    poll_seconds=self.settings.jobs_poll_seconds,
                    lease_seconds=self.settings.jobs_lease_seconds,
                )
                self.job_runners[module.name] = runner
                self._spawn(runner.run(), f"jobs.{module.name}")
        if self.realtime_hub is not None:
            self.realtime_feeder = Feeder(
                self.transport, self.realtime_hub, self.realtime_feeds, topic_prefix=prefix
            )
            self._spawn(self.realtime_feeder.run(), "realtime")
        self._spawn(self._pruner().run(), "retention")
        for consumer in self.consumers.values():
            await asyncio.wait_for(consumer.ready.wait(), timeout=60)
        if self.realtime_feeder is not None:
            await asyncio.wait_for(self.realtime_feeder.ready.wait(), timeout=60)
        for module in self.modules:
            for work in module.background:
                self._spawn(work(), f"{module.name}.background")
        log.info("runtime.started", services=[m.name for m in self.modules])

    def _pruner(self) -> Pruner:
        settings = self.settings
        # Kafka prunes its own topics (retention.ms); the embedded log is pruned here.
        prune = getattr(self.transport, "prune", None)
        key_hours = settings.outbox_key_retention_hours
        return Pruner(
            [module.database for module in self.modules],
            event_log=self.transport if prune is not None else None,  # type: ignore[arg-type]
            outbox_retention=timedelta(hours=settings.outbox_retention_hours),
            key_retention=None if key_hours is None else timedelta(hours=key_hours),
            inbox_retention=timedelta(days=settings.inbox_retention_days),
            log_retention=timedelta(days=settings.event_log_retention_days),
            interval_seconds=settings.retention_interval_seconds,
        )

    def _spawn(self, work: Coroutine[Any, Any, None], name: str) -> None:
        self._tasks.append(asyncio.create_task(work, name=name))

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        self._tasks.clear()
        await self.transport.stop()
        for module in self.modules:
            await module.database.dispose()

    async def ready(self) -> dict[str, str]:
        checks: dict[str, str] = {}
        for module in self.modules:
            try:
                await module.database.ping()
                checks[f"db.{module.name}"] = "ok"
            except Exception as error:
                checks[f"db.{module.name}"] = _down(f"db.{module.name}", error)
        try:
            await self.transport.ping()
            checks[f"events.{self.transport.name}"] = "ok"
        except Exception as error:
            checks[f"events.{self.transport.name}"] = _down(f"events.{self.transport.name}", error)
        for task in self._tasks:
            # Background work (ServiceModule.background) is meant to finish.
            if task.done() and not task.get_name().endswith(".background"):
                checks[task.get_name()] = "stopped"
        return checks


def _down(check: str, error: Exception) -> str:
    """The public answer says only what is down; the reason goes to the log."""
    log.warning("ready.check_failed", check=check, error=f"{type(error).__name__}: {error}")
    return "down"
