"""Event consumer: validate, de-duplicate through the inbox, apply, acknowledge.

Each partition has its own worker (see ``workers``): partitions flow independently,
messages within one partition strictly in order, so events of one aggregate key are
applied in the order they were made.

Failures follow one policy. While the database or the broker is away (see
``failures``) the message is retried without limit, with capped back-off, and only
its partition waits. A handler that fails the same way ``max_attempts`` times,
or a payload that breaks its contract, becomes a dead letter and the partition moves
on. A known event type in a version with no handler here holds its partition
without committing, so nothing is skipped until a consumer that reads it is deployed.
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
from mungmo.platform.events.embedded_groups import GroupMemberActive
from mungmo.platform.events.envelope import Envelope, UnknownContract
from mungmo.platform.events.failures import is_infrastructure_error
from mungmo.platform.events.holding import Outage, VersionStall
from mungmo.platform.events.transport import IncomingMessage, Subscription, Transport
from mungmo.platform.events.workers import PartitionWorkers
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


@dataclass(frozen=True)
class Applied:
    """One try of one handler: applied now, or ``duplicate`` (applied before), or failed."""

    duplicate: bool
    error: str | None = None


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
        max_backoff_seconds: float = 30.0,
        keys_in_flight: int = 1,
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
        self._max_backoff = max_backoff_seconds
        self._keys_in_flight = keys_in_flight
        self._workers: PartitionWorkers | None = None
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
                subscription = await self._transport.subscribe(
                    self.group, self.topics, on_revoked=self._revoked
                )
                self.ready.set()
                await self._consume(subscription)
            except asyncio.CancelledError:
                raise
            except GroupMemberActive as taken:
                # Another instance consumes this group: stand by, take over when it stops.
                self.ready.set()
                log.info("consumer.standby", group=self.group, reason=str(taken))
                await asyncio.sleep(2.0)
            except Exception as error:
                log.warning("consumer.restart", group=self.group, error=str(error))
                await asyncio.sleep(1.0)
            finally:
                if subscription is not None:
                    await asyncio.shield(subscription.close())

    @property
    def stalled(self) -> dict[tuple[str, int], int]:
        """Partitions held on an event version no handler here reads, at which offset."""
        return {} if self._workers is None else self._workers.stalled

    async def _revoked(self, partitions: set[tuple[str, int]]) -> None:
        # Called by the group before it hands the partitions to another member.
        if self._workers is not None and partitions:
            log.info("consumer.partitions_revoked", group=self.group, partitions=sorted(partitions))
            await self._workers.revoke(partitions)

    async def _consume(self, subscription: Subscription) -> None:
        workers = self._workers = PartitionWorkers(
            group=self.group,
            subscription=subscription,
            process=self.process,
            metrics=self._metrics,
            backoff_seconds=self._backoff,
            max_backoff_seconds=self._max_backoff,
            keys_in_flight=self._keys_in_flight,
        )
        try:
            while True:
                failure = workers.failure()
                if failure is not None:
                    raise failure
                batches = await subscription.fetch(timeout=0.5, max_records=500)
                for partition, batch in batches.items():
                    workers.dispatch(partition, batch)
        finally:
            # Commit what is applied before the subscription closes (and, on the
            # embedded log, a standby takes over): the next owner starts from there.
            self._workers = None
            stopping = asyncio.create_task(workers.stop_all())
            try:
                await asyncio.shield(stopping)
            except asyncio.CancelledError:
                await asyncio.wait({stopping}, timeout=10)
                raise

    async def process(self, message: IncomingMessage) -> None:
        """Applies one message with every matching handler. Raises ``Outage`` while
        the infrastructure is away and ``VersionStall`` for a version it cannot read;
        everything else ends applied, as a duplicate, or as a dead letter."""
        try:
            envelope = Envelope.from_bytes(message.value)
        except ValidationError as error:
            await self._dead_letter(message, f"{self.group}.envelope", f"bad envelope: {error}")
            return
        handlers = self._handlers_for(envelope)
        if not handlers:
            handled = sorted(
                {
                    h.event.event_version
                    for h in self._handlers
                    if h.event.event_type == envelope.type
                }
            )
            if handled:
                raise VersionStall(envelope.type, envelope.version, handled)
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
        for attempt in range(1, self._max_attempts + 1):
            outcome = await self.apply_once(envelope, event, handler)
            if outcome.error is None:
                return
            log.warning(
                "consumer.handler_failed",
                consumer=handler.name,
                event_id=str(envelope.id),
                attempt=attempt,
                error=outcome.error.splitlines()[-1],
            )
            if attempt == self._max_attempts:
                await self._dead_letter(message, handler.name, outcome.error)
                return
            if self._metrics is not None:
                self._metrics.consumer_retries.labels(self.group, "handler").inc()
            await asyncio.sleep(min(self._backoff * 2 ** (attempt - 1), self._max_backoff))

    async def apply_once(self, envelope: Envelope, event: Event, handler: EventHandler) -> Applied:
        """One try through the inbox, so an event already applied is not applied again.
        Infrastructure failures raise ``Outage``; the handler's own come back in ``error``."""
        token = request_id_var.set(envelope.trace_id)
        uow = self._uow_factory(inbox_claim=InboxClaim(handler.name, envelope.id))
        try:
            async with uow.handling():
                await handler.handler(event, uow)
        except DuplicateEvent:
            self._observe(envelope, handler.name, duplicate=True)
            return Applied(duplicate=True)
        except asyncio.CancelledError:
            raise
        except Exception as error:
            if is_infrastructure_error(error):
                raise Outage(error) from error
            return Applied(duplicate=False, error=traceback.format_exc(limit=5))
        finally:
            request_id_var.reset(token)
        self._observe(envelope, handler.name, duplicate=False)
        return Applied(duplicate=False)

    def handlers_named(self, name: str, envelope: Envelope) -> list[EventHandler]:
        """The handlers an inbox consumer name stands for that read this envelope."""
        return [h for h in self._handlers_for(envelope) if h.name == name]

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
        try:
            await self._transport.dead_letter(message, consumer=consumer, error=error)
        except asyncio.CancelledError:
            raise
        except Exception as failure:  # never drop it: hold the partition until it parks
            raise Outage(failure) from failure
        log.error("consumer.dead_letter", consumer=consumer, topic=message.topic, error=error)
        if self._metrics is not None:
            self._metrics.dead_letters.labels(consumer).inc()
            self._metrics.events_processed.labels(consumer, "dead_letter").inc()
