"""Why a partition's worker waits instead of moving on, and how that is reported.

An outage (database or broker away) makes the worker retry its message without
limit, with capped back-off; the other partitions keep flowing. An event version no
handler here reads holds its partition for good, uncommitted, until a consumer that
reads it is deployed: skipping it would lose it, and applying later events of its key
without it would reorder them.
"""

from mungmo.platform.events.transport import IncomingMessage
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


def log_outage(
    group: str,
    message: IncomingMessage,
    outage: Outage,
    failures: int,
    delay: float,
    metrics: Metrics | None,
) -> None:
    if metrics is not None:
        metrics.consumer_retries.labels(group, "infrastructure").inc()
    log.warning(
        "consumer.infrastructure_unavailable",
        group=group,
        topic=message.topic,
        partition=message.partition,
        offset=message.offset,
        failures=failures,
        retry_in=round(delay, 3),
        error=str(outage)[:300],
    )


def mark_stalled(
    group: str, message: IncomingMessage, stall: VersionStall | None, metrics: Metrics | None
) -> None:
    """Reports a partition held on ``stall`` (None: the hold ended, revoked or restarted)."""
    if metrics is not None:
        labels = (group, message.topic, str(message.partition))
        metrics.consumer_stalled.labels(*labels).set(0 if stall is None else 1)
    if stall is None:
        return
    log.error(
        "consumer.version_stalled",
        group=group,
        topic=message.topic,
        partition=message.partition,
        offset=message.offset,
        event_type=stall.event_type,
        version=stall.version,
        handled_versions=stall.handled,
        action="deploy a consumer that handles this version; the partition waits",
    )
