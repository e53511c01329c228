"""Event consumer: validate, de-duplicate through the inbox, apply, acknowledge.

Partitions are handled concurrently, messages within one partition strictly in
order, so events of one aggregate key are applied in the order they were made.
A failing handler is retried with back-off; after the last attempt the message
becomes a dead letter and the partition moves on.
"""

import asyncio
import traceback
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from mungmo.platform.clock import Clock, utc_now
from mungmo.platform.db.uow import DuplicateEvent, InboxClaim, UnitOfWork
from mungmo.platform.events.contract import Event
from mungmo.platform.events.envelope import Envelope, UnknownContract
from mungmo.platform.events.transport import IncomingMessage, Subscription, Transport
from mungmo.platform.logging import get_logger, request_id_var
from mungmo.platform.metrics import Metrics

log = get_logger(__name__)

Handler = Callable[[Any, UnitOfWork], Awaitable[None]]


@dataclass(frozen=True)
class EventHandler:
    """Binds one event contract to one handler; ``name`` is the inbox consumer name."""

    event: type[Event]
    handler: Handler
    name: str


@dataclass(frozen=True)
class Processed:
    envelope: Envelope
    handler: str
    duplicate: bool
    finished_at: Any


class EventConsumer:
    def __init__(
        self,
        *,
        service: str,
        transport: Transport,
        handlers: Sequence[EventHandler],
        uow_factory: Callable[..., UnitOfWork],
        topic_prefix: str = "",
        metrics: Metrics | None = None,
        max_attempts: int = 5,
        backoff_seconds: float = 0.2,
        clock: Clock = utc_now,
    ) -> None:
        # The topic prefix isolates whole deployments (and test runs) on one broker.
        self.group = f"{topic_prefix}mungmo.{service}"
        self._service = service
        self._transport = transport
        self._handlers = list(handlers)
        self._uow_factory = uow_factory
        self._metrics = metrics
        self._max_attempts = max_attempts
        self._backoff = backoff_seconds
        self._clock = clock
        self.topics = sorted({topic_prefix + h.event.topic for h in self._handlers})
        self.observers: list[Callable[[Processed], None]] = []
        self.ready = asyncio.Event()

    def _handlers_for(self, envelope: Envelope) -> list[EventHandler]:
        return [
            h
            for h in self._handlers
            if h.event.event_type == envelope.type and h.event.event_version == envelope.version
        ]

    async def run(self) -> None:
        if not self.topics:
            self.ready.set()
            return
        while True:
            subscription: Subscription | None = None
            try:
                subscription = await self._transport.subscribe(self.group, self.topics)
                self.ready.set()
                await self._consume(subscription)
            except asyncio.CancelledError:
                raise
            except Exception as error:
                log.warning("consumer.restart", group=self.group, error=str(error))
                await asyncio.sleep(1.0)
            finally:
                if subscription is not None:
                    await asyncio.shield(subscription.close())

    async def _consume(self, subscription: Subscription) -> None:
        while True:
            batches = await subscription.fetch(timeout=0.5, max_records=500)
            await asyncio.gather(
                *[self._consume_partition(subscription, batch) for batch in batches.values()]
            )

    async def _consume_partition(
        self, subscription: Subscription, batch: list[IncomingMessage]
    ) -> None:
        for message in batch:
            await self.process(message)
        await subscription.commit(batch[-1])

    async def process(self, message: IncomingMessage) -> None:
        """Applies one message with every matching handler; never raises."""
        try:
            envelope = Envelope.from_bytes(message.value)
        except ValidationError as error:
            await self._dead_letter(message, f"{self.group}.envelope", f"bad envelope: {error}")
            return
        handlers = self._handlers_for(envelope)
        if not handlers:
            return  # another event type on a topic we read
        try:
            event = envelope.open()
        except (UnknownContract, ValidationError) as error:
            for handler in handlers:
                await self._dead_letter(message, handler.name, f"contract violation: {error}")
            return
        for handler in handlers:
            await self._apply(message, envelope, event, handler)

    async def _apply(
        self,
        message: IncomingMessage,
        envelope: Envelope,
        event: Event,
        handler: EventHandler,
    ) -> None:
        token = request_id_var.set(envelope.trace_id)
        try:
            for attempt in range(1, self._max_attempts + 1):
                uow = self._uow_factory(inbox_claim=InboxClaim(handler.name, envelope.id))
                try:
                    await handler.handler(event, uow)
                    self._observe(envelope, handler.name, duplicate=False)
                    return
                except DuplicateEvent:
                    self._observe(envelope, handler.name, duplicate=True)
                    return
                except asyncio.CancelledError:
                    raise
                except Exception:
                    error = traceback.format_exc(limit=5)
                    log.warning(
                        "consumer.handler_failed",
                        consumer=handler.name,
                        event_id=str(envelope.id),
                        attempt=attempt,
                        error=error.splitlines()[-1],
                    )
                    if attempt == self._max_attempts:
                        await self._dead_letter(message, handler.name, error)
                        return
                    await asyncio.sleep(min(self._backoff * 2 ** (attempt - 1), 5.0))
        finally:
            request_id_var.reset(token)

    def _observe(self, envelope: Envelope, handler: str, *, duplicate: bool) -> None:
        finished = self._clock()
        if self._metrics is not None:
            outcome = "duplicate" if duplicate else "applied"
            self._metrics.events_processed.labels(handler, outcome).inc()
            if not duplicate:
                self._metrics.event_propagation.labels(handler).observe(
                    max(0.0, (finished - envelope.time).total_seconds())
                )
        for observer in self.observers:
            observer(Processed(envelope, handler, duplicate, finished))

    async def _dead_letter(self, message: IncomingMessage, consumer: str, error: str) -> None:
        log.error("consumer.dead_letter", consumer=consumer, topic=message.topic, error=error)
        if self._metrics is not None:
            self._metrics.dead_letters.labels(consumer).inc()
            self._metrics.events_processed.labels(consumer, "dead_letter").inc()
        while True:
            try:
                await self._transport.dead_letter(message, consumer=consumer, error=error)
                return
            except asyncio.CancelledError:
                raise
            except Exception as failure:  # never drop it: keep trying to park it
                log.warning("consumer.dead_letter_failed", error=str(failure))
                await asyncio.sleep(1.0)
