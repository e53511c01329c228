"""Partitions a consumer holds back while the rest keep flowing.

An outage (database or broker away) holds a partition while a background task
retries its message without limit, with capped back-off; then the rest of the batch
is applied, committed, and the partition resumes. An event version no handler here
reads holds its partition for good, uncommitted, until a consumer that reads it is
deployed: skipping it would lose it, and applying later events of its key without it
would reorder them.
"""

import asyncio
from collections.abc import Awaitable, Callable

from mungmo.platform.events.transport import IncomingMessage, Subscription
from mungmo.platform.logging import get_logger
from mungmo.platform.metrics import Metrics

log = get_logger(__name__)

Partition = tuple[str, int]


class Outage(Exception):
    """The database or the broker is away: the message waits, it is not the event's fault."""

    def __init__(self, error: BaseException) -> None:
        super().__init__(f"{type(error).__name__}: {error}")
        self.error = error


class VersionStall(Exception):
    """A known event type in a version this consumer has no handler for."""

    def __init__(self, event_type: str, version: int, handled: list[int]) -> None:
        super().__init__(f"no handler for {event_type} v{version} (handles {handled})")
        self.event_type = event_type
        self.version = version
        self.handled = handled


Hold = Outage | VersionStall
# Applies batch[start:] in order; returns how far it got and what held it, if anything.
RunBatch = Callable[[list[IncomingMessage], int], Awaitable[tuple[int, Hold | None]]]


class PartitionHolds:
    def __init__(
        self,
        *,
        group: str,
        run: RunBatch,
        metrics: Metrics | None,
        backoff_seconds: float,
        max_backoff_seconds: float,
    ) -> None:
        self._group = group
        self._run = run
        self._metrics = metrics
        self._backoff = backoff_seconds
        self._max_backoff = max_backoff_seconds
        self._held: set[Partition] = set()
        self._recoveries: dict[Partition, asyncio.Task[None]] = {}
        self.stalled: dict[Partition, int] = {}

    def __contains__(self, partition: object) -> bool:
        return partition in self._held

    def hold(
        self, subscription: Subscription, batch: list[IncomingMessage], start: int, hold: Hold
    ) -> None:
        """Pauses the partition of ``batch[start]``; everything before it is committed."""
        message = batch[start]
        partition = (message.topic, message.partition)
        subscription.pause(*partition)
        self._held.add(partition)
        if isinstance(hold, VersionStall):
            self._stall(message, hold)
            return
        self._recoveries[partition] = asyncio.create_task(
            self._recover(subscription, batch, start, hold),
            name=f"consumer.recover.{message.topic}.{message.partition}",
        )

    async def drop_all(self) -> None:
        """The subscription ends: its next incarnation re-reads from the last commit."""
        recoveries = list(self._recoveries.values())
        for task in recoveries:
            task.cancel()
        await asyncio.gather(*recoveries, return_exceptions=True)
        self._recoveries.clear()
        for partition in list(self._held):
            self._release(partition)
        self.stalled.clear()

    async def _recover(
        self,
        subscription: Subscription,
        batch: list[IncomingMessage],
        start: int,
        outage: Outage,
    ) -> None:
        partition = (batch[start].topic, batch[start].partition)
        delay = self._backoff
        failures = 0
        while True:
            failures += 1
            self._log_outage(batch[start], outage, failures, delay)
            await asyncio.sleep(delay)
            delay = min(max(delay, 0.01) * 2, self._max_backoff)
            try:
                done, hold = await self._run(batch, start)
                if done > start:
                    await subscription.commit(batch[done - 1])
                    start, delay = done, self._backoff  # progress: the back-off starts over
            except asyncio.CancelledError:
                raise
            except Exception as error:  # the commit itself met the outage
                hold = Outage(error)
            if hold is None:
                break
            if isinstance(hold, VersionStall):
                self._recoveries.pop(partition, None)
                self._stall(batch[start], hold)
                return
            outage = hold
        log.info(
            "consumer.partition_resumed",
            group=self._group,
            topic=partition[0],
            partition=partition[1],
            failures=failures,
        )
        self._recoveries.pop(partition, None)
        self._release(partition)
        subscription.resume(*partition)

    def _log_outage(
        self, message: IncomingMessage, outage: Outage, failures: int, delay: float
    ) -> None:
        if self._metrics is not None:
            self._metrics.consumer_retries.labels(self._group, "infrastructure").inc()
        log.warning(
            "consumer.infrastructure_unavailable",
            group=self._group,
            topic=message.topic,
            partition=message.partition,
            offset=message.offset,
            failures=failures,
            retry_in=round(delay, 3),
            error=str(outage)[:300],
        )

    def _release(self, partition: Partition) -> None:
        self._held.discard(partition)
        self.stalled.pop(partition, None)
        if self._metrics is not None:
            self._metrics.consumer_stalled.labels(self._group, partition[0], str(partition[1])).set(
                0
            )

    def _stall(self, message: IncomingMessage, stall: VersionStall) -> None:
        self.stalled[(message.topic, message.partition)] = message.offset
        if self._metrics is not None:
            labels = (self._group, message.topic, str(message.partition))
            self._metrics.consumer_stalled.labels(*labels).set(1)
        log.error(
            "consumer.version_stalled",
            group=self._group,
            topic=message.topic,
            partition=message.partition,
            offset=message.offset,
            event_type=stall.event_type,
            version=stall.version,
            handled_versions=stall.handled,
            action="deploy a consumer that handles this version; the partition waits",
        )
