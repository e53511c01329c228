"""What the relay and the consumers need from an event log: Kafka or the embedded one."""

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol


@dataclass(frozen=True)
class OutgoingMessage:
    topic: str
    key: str
    value: bytes
    headers: list[tuple[str, bytes]] = field(default_factory=list)


@dataclass(frozen=True)
class IncomingMessage:
    topic: str
    partition: int
    offset: int
    key: str | None
    value: bytes
    headers: list[tuple[str, bytes]] = field(default_factory=list)


PartitionBatches = dict[tuple[str, int], list[IncomingMessage]]
# Told which (topic, partition)s the group is taking away, before it hands them on.
OnRevoked = Callable[[set[tuple[str, int]]], Awaitable[None]]


class Subscription(Protocol):
    async def fetch(self, *, timeout: float, max_records: int) -> PartitionBatches:
        """Messages in log order within each (topic, partition)."""
        ...

    async def commit(self, message: IncomingMessage) -> None:
        """Everything up to and including ``message`` in its partition is done."""
        ...

    def pause(self, topic: str, partition: int) -> None:
        """Fetch nothing more from this partition until ``resume``: it is held back."""
        ...

    def resume(self, topic: str, partition: int) -> None:
        """Fetch this partition again, from the message after the last one handed out."""
        ...

    async def close(self) -> None: ...


class Transport(Protocol):
    name: str

    async def start(self, topics: Sequence[str]) -> None: ...

    async def stop(self) -> None: ...

    async def ping(self) -> None: ...

    async def publish(self, messages: Sequence[OutgoingMessage]) -> None:
        """Durably appends the messages, keeping their order per key. On failure raises
        ``PublishFailed`` saying how many from the start were acknowledged."""
        ...

    async def subscribe(
        self, group: str, topics: Sequence[str], *, on_revoked: OnRevoked | None = None
    ) -> Subscription:
        """Joins ``group``; ``on_revoked`` runs before a rebalance moves partitions away,
        while their offsets can still be committed."""
        ...

    async def tail(self, topics: Sequence[str]) -> Subscription:
        """Reads what is published from now on, outside any group, committing nothing:
        every reader sees every message (each instance's real-time channel)."""
        ...

    async def dead_letter(self, message: IncomingMessage, *, consumer: str, error: str) -> None:
        """Parks a message a consumer could not process, for operators to inspect."""
        ...

    async def list_dead_letters(self, limit: int = 100) -> list["DeadLetter"]: ...


class PublishFailed(Exception):
    """``messages[:acknowledged]`` are durably in the log; ``messages[acknowledged]``
    failed with ``error`` (later ones may or may not be in)."""

    def __init__(self, acknowledged: int, error: BaseException) -> None:
        super().__init__(f"{type(error).__name__}: {error}")
        self.acknowledged = acknowledged
        self.error = error


class MessageRefused(Exception):
    """The log refuses this message for good (too large): retrying will not help."""


@dataclass(frozen=True)
class DeadLetter:
    # Stable per letter: the row id in the embedded log, "<dlt topic>:<partition>:<offset>"
    # on Kafka. ``mungmo dead-letters replay --id`` takes it.
    id: str
    consumer: str
    topic: str
    partition: int
    offset: int
    key: str | None
    error: str
    value: str
    failed_at: str


def dead_letter_topic(topic: str) -> str:
    return f"{topic}.dlt"
