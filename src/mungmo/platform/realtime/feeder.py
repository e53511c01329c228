"""Feeds one instance's hub from the event log.

Each instance reads the feeds' topics with ``Transport.tail``: from the moment it
starts, outside any consumer group and without commits, so every instance receives
every event (a consumer group would hand each event to one instance only). Nothing is
replayed after a restart: a client that reconnects reloads what it shows."""

import asyncio
import json
from collections.abc import Sequence

from pydantic import ValidationError

from mungmo.platform.events.envelope import Envelope, UnknownContract
from mungmo.platform.events.transport import Subscription, Transport
from mungmo.platform.logging import get_logger
from mungmo.platform.realtime.feeds import RealtimeFeed
from mungmo.platform.realtime.hub import Hub, Message

log = get_logger(__name__)


class Feeder:
    def __init__(
        self, transport: Transport, hub: Hub, feeds: Sequence[RealtimeFeed], *, topic_prefix: str
    ) -> None:
        self._transport = transport
        self._hub = hub
        self._feeds = {(f.event.event_type, f.event.event_version): f for f in feeds}
        self.topics = sorted({topic_prefix + f.event.topic for f in feeds})
        self.ready = asyncio.Event()

    async def run(self) -> None:
        while True:
            subscription: Subscription | None = None
            try:
                subscription = await self._transport.tail(self.topics)
                self.ready.set()
                while True:
                    batches = await subscription.fetch(timeout=1.0, max_records=500)
                    for messages in batches.values():
                        for message in messages:
                            self._deliver(message.value)
            except asyncio.CancelledError:
                raise
            except Exception as error:  # the log is away: read again from the new end
                log.warning("realtime.feed_failed", error=f"{type(error).__name__}: {error}")
                await asyncio.sleep(1.0)
            finally:
                if subscription is not None:
                    await subscription.close()

    def _deliver(self, raw: bytes) -> None:
        try:
            envelope = Envelope.from_bytes(raw)
            feed = self._feeds.get((envelope.type, envelope.version))
            if feed is None:
                return
            event = envelope.open()
        except (ValidationError, UnknownContract, ValueError) as error:
            log.warning("realtime.message_skipped", error=str(error))
            return
        self._hub.publish(
            Message(
                channel=feed.channel(event),
                event=feed.name,
                id=str(envelope.id),
                data=json.dumps(feed.data(event), ensure_ascii=False, default=str),
            )
        )
