"""Starts and stops what runs beside the HTTP app: migrations, relays, consumers."""

import asyncio
import contextlib
from collections.abc import Coroutine
from typing import Any

from mungmo.platform.config import PlatformSettings
from mungmo.platform.db.migrations import upgrade_to_head
from mungmo.platform.events.consumer import EventConsumer
from mungmo.platform.events.contract import all_contracts
from mungmo.platform.events.relay import OutboxRelay
from mungmo.platform.events.transport import Transport
from mungmo.platform.logging import get_logger
from mungmo.platform.metrics import Metrics
from mungmo.platform.service import ServiceModule

log = get_logger(__name__)


class Runtime:
    def __init__(
        self,
        settings: PlatformSettings,
        modules: list[ServiceModule],
        transport: Transport,
        metrics: Metrics,
    ) -> None:
        self.settings = settings
        self.modules = modules
        self.transport = transport
        self.metrics = metrics
        self.relays: dict[str, OutboxRelay] = {}
        self.consumers: dict[str, EventConsumer] = {}
        self._tasks: list[asyncio.Task[None]] = []

    async def migrate(self) -> None:
        for module in self.modules:
            await upgrade_to_head(module.database, module.migrations_dir)

    async def start(self) -> None:
        if self.settings.auto_migrate:
            await self.migrate()
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
                )
                self.consumers[module.name] = consumer
                self._spawn(consumer.run(), f"consumer.{module.name}")
        for consumer in self.consumers.values():
            await asyncio.wait_for(consumer.ready.wait(), timeout=60)
        log.info("runtime.started", services=[m.name for m in self.modules])

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
                checks[f"db.{module.name}"] = f"down: {error.__class__.__name__}"
        try:
            await self.transport.ping()
            checks[f"events.{self.transport.name}"] = "ok"
        except Exception as error:
            checks[f"events.{self.transport.name}"] = f"down: {error.__class__.__name__}"
        for task in self._tasks:
            if task.done():
                checks[task.get_name()] = "stopped"
        return checks
