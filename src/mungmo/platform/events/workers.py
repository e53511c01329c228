"""One worker per partition, and inside it one lane per key: a partition's messages
of one key are applied strictly in order, messages of different keys side by side
(at most ``keys_in_flight`` at once), so neither a slow partition nor a slow key
holds back the others.

The fetch loop hands each partition's messages to that partition's worker and goes
on fetching. A worker ``max_pending`` messages behind has its partition paused until
it catches up; a worker held by an outage fills up and is paused that way, and a
stall on an unknown event version pauses it at once (see ``holding``). Offsets are
committed up to the first message not yet applied (the watermark), whenever the
worker runs dry and every ``commit_every`` messages. When the group takes a
partition away (``revoke``), its worker lets the messages in hand finish (for a
grace period), commits the watermark and drops the rest: the next owner starts
there, and its inbox drops what was applied past the watermark already.
"""

import asyncio
import contextlib
from collections import deque
from collections.abc import Awaitable, Callable, Iterable

from mungmo.platform.events.holding import (
    Outage,
    Partition,
    VersionStall,
    log_outage,
    mark_stalled,
)
from mungmo.platform.events.transport import IncomingMessage, Subscription
from mungmo.platform.logging import get_logger
from mungmo.platform.metrics import Metrics

log = get_logger(__name__)

# Applies one message; raises Outage or VersionStall when it has to wait.
Process = Callable[[IncomingMessage], Awaitable[None]]


class _Revoked(Exception):
    """The partition was taken away while its message waited out an outage."""


class PartitionWorker:
    def __init__(self, owner: "PartitionWorkers", partition: Partition) -> None:
        self.partition = partition
        self.stalled_at: int | None = None
        self.failure: BaseException | None = None
        self._owner = owner
        self._lanes: dict[str | None, deque[IncomingMessage]] = {}
        self._running: dict[str | None, asyncio.Task[None]] = {}
        self._ready: deque[str | None] = deque()  # keys with work waiting for a free lane
        self._unapplied: deque[IncomingMessage] = deque()  # in offset order
        self._applied: set[int] = set()
        self._watermark: IncomingMessage | None = None  # everything up to it is applied
        self._committed: IncomingMessage | None = None
        self._since_commit = 0
        self._commit_task: asyncio.Task[None] | None = None
        self._revoked = False
        self._backing_off: set[str | None] = set()

    @property
    def pending(self) -> int:
        return len(self._unapplied)

    def add(self, messages: list[IncomingMessage]) -> None:
        for message in messages:
            self._unapplied.append(message)
            lane = self._lanes.get(message.key)
            if lane is not None:
                lane.append(message)
                continue
            self._lanes[message.key] = deque([message])
            self._ready.append(message.key)
        self._start_lanes()

    def _start_lanes(self) -> None:
        while (
            self._ready
            and len(self._running) < self._owner.keys_in_flight
            and not self._revoked
            and self.stalled_at is None
        ):
            key = self._ready.popleft()
            self._running[key] = asyncio.create_task(
                self._run_lane(key), name=f"consumer.{self.partition[0]}.{self.partition[1]}"
            )

    async def _run_lane(self, key: str | None) -> None:
        lane = self._lanes[key]
        try:
            while lane and not self._revoked and self.stalled_at is None:
                message = lane[0]
                stall = await self._apply(key, message)
                if stall is not None:
                    self._owner.stall(self, message, stall)
                    return
                lane.popleft()
                self._applied.add(message.offset)
                self._advance()
        except _Revoked:
            return
        except asyncio.CancelledError:
            raise
        except Exception as error:  # a bug, not an event's failure: the consumer restarts
            self.failure = error
            raise
        finally:
            self._running.pop(key, None)
            if not lane:
                self._lanes.pop(key, None)
            self._start_lanes()
            if not self._running and self._watermark is not self._committed:
                self._commit_soon()

    async def _apply(self, key: str | None, message: IncomingMessage) -> VersionStall | None:
        """Applies the message, retrying an outage without limit with capped back-off."""
        owner = self._owner
        delay = owner.backoff
        failures = 0
        while True:
            try:
                await owner.process(message)
            except VersionStall as stall:
                return stall
            except Outage as outage:
                if self._revoked:
                    raise _Revoked from outage
                failures += 1
                log_outage(owner.group, message, outage, failures, delay, owner.metrics)
                self._backing_off.add(key)
                try:
                    await asyncio.sleep(delay)
                finally:
                    self._backing_off.discard(key)
                delay = min(max(delay, 0.01) * 2, owner.max_backoff)
                continue
            if failures:
                log.info(
                    "consumer.partition_resumed",
                    group=owner.group,
                    topic=message.topic,
                    partition=message.partition,
                    failures=failures,
                )
            return None

    def _advance(self) -> None:
        """Moves the watermark over the applied messages at the head; commits when due."""
        while self._unapplied and self._unapplied[0].offset in self._applied:
            message = self._unapplied.popleft()
            self._applied.discard(message.offset)
            self._watermark = message
            self._since_commit += 1
        dry = not self._unapplied or not self._running
        if self._watermark is not self._committed and (
            dry or self._since_commit >= self._owner.commit_every
        ):
            self._commit_soon()
        self._owner.pending_changed(self)

    def _commit_soon(self) -> None:
        if self._commit_task is None or self._commit_task.done():
            self._commit_task = asyncio.create_task(self._commit())

    async def _commit(self) -> None:
        # One commit at a time; it loops while the watermark moved on meanwhile.
        while self._watermark is not None and self._watermark is not self._committed:
            watermark = self._watermark
            self._since_commit = 0
            try:
                await self._owner.subscription.commit(watermark)
            except asyncio.CancelledError:
                raise
            except Exception as error:  # the next commit covers it; a redelivery is dropped
                log.warning("consumer.commit_failed", group=self._owner.group, error=str(error))
                return
            self._committed = watermark

    async def stop(self, grace: float) -> None:
        """Revoked: let the messages in hand finish (up to ``grace`` s), commit the
        watermark, drop the rest."""
        self._revoked = True
        running = [task for key, task in self._running.items() if key not in self._backing_off]
        if running:
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(grace):
                    await asyncio.gather(*running, return_exceptions=True)
        tasks = list(self._running.values())
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        if self._commit_task is not None:
            await asyncio.gather(self._commit_task, return_exceptions=True)
        with contextlib.suppress(Exception):
            await self._commit()
        self._lanes.clear()
        self._unapplied.clear()
        if self.stalled_at is not None:
            topic, number = self.partition
            message = IncomingMessage(topic, number, self.stalled_at, None, b"")
            mark_stalled(self._owner.group, message, None, self._owner.metrics)


class PartitionWorkers:
    def __init__(
        self,
        *,
        group: str,
        subscription: Subscription,
        process: Process,
        metrics: Metrics | None,
        backoff_seconds: float,
        max_backoff_seconds: float,
        keys_in_flight: int = 1,
        max_pending: int = 1000,
        commit_every: int = 100,
    ) -> None:
        self.group = group
        self.subscription = subscription
        self.process = process
        self.metrics = metrics
        self.backoff = backoff_seconds
        self.max_backoff = max_backoff_seconds
        self.keys_in_flight = max(1, keys_in_flight)
        self.commit_every = commit_every
        self._max_pending = max_pending
        self._workers: dict[Partition, PartitionWorker] = {}
        self._paused: set[Partition] = set()

    @property
    def stalled(self) -> dict[Partition, int]:
        """Partitions held on an event version no handler here reads, at which offset."""
        return {
            partition: worker.stalled_at
            for partition, worker in self._workers.items()
            if worker.stalled_at is not None
        }

    def dispatch(self, partition: Partition, messages: list[IncomingMessage]) -> None:
        worker = self._workers.get(partition)
        if worker is None:
            worker = self._workers[partition] = PartitionWorker(self, partition)
        worker.add(messages)
        self.pending_changed(worker)

    def pending_changed(self, worker: PartitionWorker) -> None:
        """Pauses a partition whose worker is behind; resumes it once it caught up."""
        partition = worker.partition
        behind = worker.pending >= self._max_pending
        if behind and partition not in self._paused:
            self._pause(partition)
        elif not behind and partition in self._paused and worker.stalled_at is None:
            self._paused.discard(partition)
            self.subscription.resume(*partition)

    def stall(self, worker: PartitionWorker, message: IncomingMessage, stall: VersionStall) -> None:
        # The stalled message's offset caps the watermark, so nothing after it is
        # committed; lanes already running finish their message and stop.
        worker.stalled_at = message.offset
        mark_stalled(self.group, message, stall, self.metrics)
        if worker.partition not in self._paused:
            self._pause(worker.partition)

    def _pause(self, partition: Partition) -> None:
        self._paused.add(partition)
        self.subscription.pause(*partition)

    async def revoke(self, partitions: Iterable[Partition], *, grace: float = 5.0) -> None:
        workers = [self._workers.pop(p) for p in list(partitions) if p in self._workers]
        for worker in workers:
            self._paused.discard(worker.partition)
        await asyncio.gather(*[worker.stop(grace) for worker in workers])

    async def stop_all(self, *, grace: float = 5.0) -> None:
        await self.revoke(list(self._workers), grace=grace)

    def failure(self) -> BaseException | None:
        """What killed a worker's lane unexpectedly, if anything: the consumer restarts."""
        for worker in self._workers.values():
            if worker.failure is not None:
                return worker.failure
        return None
