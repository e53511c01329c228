"""Timestamps along one event's path through a running app, taken from the bench's side.

Product code is unchanged: the bench sets wrappers as *instance* attributes on the
app's own transport, subscriptions and relays (nothing global is patched). Each
wrapper passes every argument through untouched, so a change of signature in the
platform does not break it. All times are wall clock (``time.time()``), the clock
the platform stamps ``Envelope.time`` and ``Processed.finished_at`` with.
"""

import bisect
import contextvars
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from mungmo.platform.events.relay import OutboxRelay
from mungmo.platform.events.transport import OutgoingMessage, PartitionBatches
from mungmo.platform.runtime import Runtime

# Which relay's round runs in this task, and when it began. A contextvar, so the shared
# transport's publish knows which round called it.
_round: contextvars.ContextVar[tuple[str, float] | None] = contextvars.ContextVar(
    "bench_relay_round", default=None
)

STAGES = {
    "wake": "commit returned → relay round started",
    "select": "round started → rows selected (lease, select, build)",
    "ack": "publish called → acknowledged (publish returned)",
    "deliver": "acknowledged → consumer's fetch returned it",
    "apply": "fetch returned → handler transaction committed",
}


def _event_id(headers: list[tuple[str, bytes]]) -> str | None:
    for name, value in headers:
        if name == "event_id":
            return value.decode()
    return None


@dataclass(frozen=True)
class Publication:
    relay: str  # the service whose relay published it
    round_started: float  # the relay round (publish_pending call) that published it
    called: float  # transport.publish called: the rows are selected, messages built
    returned: float  # transport.publish returned: the log acknowledged it


@dataclass
class PipelineTrace:
    published: dict[str, Publication] = field(default_factory=dict)  # event id → first
    fetched: dict[str, dict[str, float]] = field(default_factory=dict)  # group → id → time
    # Per relay, when each round ended, in order (one relay runs its rounds one by one).
    round_ends: dict[str, list[float]] = field(default_factory=dict)

    def watch_transport(self, runtime: Runtime) -> None:
        """Before the runtime starts: the consumers subscribe during start-up."""
        transport = runtime.transport
        publish, subscribe = transport.publish, transport.subscribe

        async def traced_publish(
            messages: Sequence[OutgoingMessage], *args: Any, **kw: Any
        ) -> None:
            called = time.time()
            relay, started = _round.get() or ("?", called)
            await publish(messages, *args, **kw)
            returned = time.time()
            publication = Publication(relay, started, called, returned)
            for message in messages:
                event_id = _event_id(message.headers)
                if event_id is not None:
                    self.published.setdefault(event_id, publication)

        async def traced_subscribe(group: str, *args: Any, **kw: Any) -> Any:
            subscription = await subscribe(group, *args, **kw)
            self._watch_fetch(group, subscription)
            return subscription

        transport.publish = traced_publish  # type: ignore[method-assign]
        transport.subscribe = traced_subscribe  # type: ignore[method-assign]

    def _watch_fetch(self, group: str, subscription: Any) -> None:
        fetch: Callable[..., Awaitable[PartitionBatches]] = subscription.fetch
        seen = self.fetched.setdefault(group, {})

        async def traced_fetch(*args: Any, **kw: Any) -> PartitionBatches:
            batches = await fetch(*args, **kw)
            now = time.time()
            for batch in batches.values():
                for message in batch:
                    event_id = _event_id(message.headers)
                    if event_id is not None:
                        seen.setdefault(event_id, now)  # a redelivery keeps the first
            return batches

        subscription.fetch = traced_fetch

    def watch_relays(self, runtime: Runtime) -> None:
        """After the runtime started (it makes the relays); their loop looks the method
        up on every round, so the next round already runs through the wrapper."""
        for service, relay in runtime.relays.items():
            self._trace_rounds(service, relay)

    def _trace_rounds(self, service: str, relay: OutboxRelay) -> None:
        publish_pending = relay.publish_pending
        ends = self.round_ends.setdefault(service, [])

        async def traced_round() -> int:
            token = _round.set((service, time.time()))
            try:
                return await publish_pending()
            finally:
                _round.reset(token)
                ends.append(time.time())

        relay.publish_pending = traced_round  # type: ignore[method-assign]

    def idle_before(self, event_id: str, committed: float) -> float | None:
        """How long the relay sat idle, after this event committed, before the round that
        published it began. About 0 when the commit wakes it; up to the poll interval
        when it sleeps through the commit until its timer fires."""
        publication = self.published.get(event_id)
        if publication is None:
            return None
        ends = self.round_ends.get(publication.relay, [])
        before = bisect.bisect_right(ends, publication.round_started)
        busy_until = max(committed, ends[before - 1]) if before else committed
        return max(0.0, publication.round_started - busy_until)

    def stages(
        self, group: str, event_id: str, committed: float, applied: float
    ) -> dict[str, float] | None:
        """Seconds spent in each of STAGES, or None if a timestamp is missing."""
        publication = self.published.get(event_id)
        fetched = self.fetched.get(group, {}).get(event_id)
        if publication is None or fetched is None:
            return None
        return {
            "wake": publication.round_started - committed,
            "select": publication.called - publication.round_started,
            "ack": publication.returned - publication.called,
            "deliver": fetched - publication.returned,
            "apply": applied - fetched,
        }
