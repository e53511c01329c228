"""One instance's listeners by channel. A listener that falls far behind (a stalled
client) is dropped, and its stream ends so the client reconnects and reloads."""

import asyncio
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Message:
    channel: str
    event: str
    id: str
    data: str  # JSON


@dataclass(eq=False)
class Listener:
    channels: frozenset[str]
    queue: asyncio.Queue[Message | None] = field(default_factory=lambda: asyncio.Queue(maxsize=256))


class Hub:
    def __init__(self) -> None:
        self._listeners: dict[str, set[Listener]] = defaultdict(set)
        self.delivered = 0

    def listen(self, channels: Iterable[str]) -> Listener:
        listener = Listener(frozenset(channels))
        for channel in listener.channels:
            self._listeners[channel].add(listener)
        return listener

    def leave(self, listener: Listener) -> None:
        for channel in listener.channels:
            members = self._listeners.get(channel)
            if members is not None:
                members.discard(listener)
                if not members:
                    del self._listeners[channel]

    def listeners(self, channel: str) -> int:
        return len(self._listeners.get(channel, ()))

    def publish(self, message: Message) -> None:
        for listener in list(self._listeners.get(message.channel, ())):
            try:
                listener.queue.put_nowait(message)
                self.delivered += 1
            except asyncio.QueueFull:
                self.leave(listener)
                listener.queue.get_nowait()  # room for the end-of-stream marker
                listener.queue.put_nowait(None)
