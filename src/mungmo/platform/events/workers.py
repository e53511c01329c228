"""One worker per partition: each applies its own partition's messages in order, so
a slow or held partition never waits for the others, nor they for it.

The fetch loop hands each partition's messages to that partition's worker and goes
on fetching. A worker with ``max_pending`` messages waiting has its partition paused
until it catches up; a worker held by an outage fills up and is paused that way, and
a worker stalled on an unknown event version is paused at once (see ``holding``). A
worker commits when it has nothing left to do and every ``commit_every`` messages.
When the group takes a partition away (``revoke``), its worker finishes the message
in hand (for a grace period), commits what it applied and drops the rest: the new
owner reads on from that commit, and its inbox drops anything applied twice.
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
        self.pending: deque[IncomingMessage] = deque()
        self.stalled_at: int | None = None
        self._owner = owner
        self._arrived = asyncio.Event()
        self._idle = asyncio.Event()
        self._idle.set()
        self._revoked = False
        self._backing_off = False
        self._applied: IncomingMessage | None = None  # the last one applied, uncommitted
        self._uncommitted = 0
        topic, number = partition
        self.task = asyncio.create_task(self._work(), name=f"consumer.{topic}.{number}")

    def add(self, messages: list[IncomingMessage]) -> None:
        self.pending.extend(messages)
        self._arrived.set()

    async def _work(self) -> None:
        owner = self._owner
        while not self._revoked:
            await self._arrived.wait()
            self._arrived.clear()
            while self.pending and not self._revoked:
                message = self.pending[0]
                self._idle.clear()
                try:
                    stall = await self._apply(message)
                except _Revoked:
                    return
                finally:
                    self._idle.set()
                if stall is not None:
                    await self._commit()  # what came before it is done
                    owner.stall(self, message, stall)
                    return
                self.pending.popleft()
                self._applied = message
                self._uncommitted += 1
                if not self.pending or self._uncommitted >= owner.commit_every:
                    await self._commit()
                owner.pending_changed(self)

    async def _apply(self, message: IncomingMessage) -> VersionStall | None:
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
                self._backing_off = True
                try:
                    await asyncio.sleep(delay)
                finally:
                    self._backing_off = False
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

    async def _commit(self) -> None:
        applied = self._applied
        if applied is None:
            return
        try:
            await self._owner.subscription.commit(applied)
        except asyncio.CancelledError:
            raise
        except Exception as error:  # the next commit covers it; a redelivery is dropped
            log.warning("consumer.commit_failed", group=self._owner.group, error=str(error))
            return
        if self._applied is applied:
            self._applied, self._uncommitted = None, 0

    async def stop(self, grace: float) -> None:
        """Revoked: finish the message in hand (up to ``grace`` s), commit, drop the rest."""
        self._revoked = True
        self._arrived.set()
        if not self._backing_off:
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(grace):
                    await self._idle.wait()
        self.task.cancel()
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await self.task
        self.pending.clear()
        with contextlib.suppress(Exception):
            await self._commit()
        if self.stalled_at is not None:
            message = IncomingMessage(
                self.partition[0], self.partition[1], self.stalled_at, None, b""
            )
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
        max_pending: int = 1000,
        commit_every: int = 100,
    ) -> None:
        self.group = group
        self.subscription = subscription
        self.process = process
        self.metrics = metrics
        self.backoff = backoff_seconds
        self.max_backoff = max_backoff_seconds
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
        behind = len(worker.pending) >= self._max_pending
        if behind and partition not in self._paused:
            self._pause(partition)
        elif not behind and partition in self._paused and worker.stalled_at is None:
            self._paused.discard(partition)
            self.subscription.resume(*partition)

    def stall(self, worker: PartitionWorker, message: IncomingMessage, stall: VersionStall) -> None:
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
        """What killed a worker unexpectedly, if one died: the consumer then restarts."""
        for worker in self._workers.values():
            task = worker.task
            if task.done() and not task.cancelled() and task.exception() is not None:
                return task.exception()
        return None
