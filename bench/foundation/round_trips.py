"""Raw transport round trips: the embedded log and Kafka, one message at a time."""

import abc
import asyncio
import contextlib
import time
from collections.abc import Callable, Coroutine
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from mungmo.platform.events.embedded import EmbeddedLog
from mungmo.platform.events.transport import OutgoingMessage


class RoundTrip(abc.ABC):
    """Sequential round trips: send one stamped message, wait until the reader has it."""

    def __init__(self) -> None:
        self._waiting: dict[int, asyncio.Future[int]] = {}
        self._seq = 0
        self._reader: asyncio.Task[None] | None = None

    def _received(self, value: bytes) -> None:
        seq = int(value.split(b":", 1)[0])
        waiter = self._waiting.pop(seq, None)
        if waiter is not None and not waiter.done():
            waiter.set_result(time.time_ns())

    async def once(self) -> tuple[float, float]:
        """Returns (send → received, send → publish call returned) in seconds."""
        self._seq += 1
        seq = self._seq
        waiter: asyncio.Future[int] = asyncio.get_running_loop().create_future()
        self._waiting[seq] = waiter
        sent = time.time_ns()
        await self._send(seq, f"{seq}:{sent}".encode())
        published = time.time_ns()
        received = await asyncio.wait_for(waiter, 30)
        return (received - sent) / 1e9, (published - sent) / 1e9

    async def burst(self, size: int) -> list[float]:
        """``size`` sends at once (concurrent publish calls); each one's send → received."""
        return [
            received for received, _ in await asyncio.gather(*[self.once() for _ in range(size)])
        ]

    @abc.abstractmethod
    async def start(self) -> None:
        """Each transport's own."""

    @abc.abstractmethod
    async def stop(self) -> None:
        """Each transport's own."""

    @abc.abstractmethod
    async def _send(self, seq: int, value: bytes) -> None:
        """Each transport's own."""

    def _start_reader(self, work: Callable[[], Coroutine[Any, Any, None]]) -> None:
        self._reader = asyncio.create_task(work())

    async def _stop_reader(self) -> None:
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._reader


class EmbeddedRoundTrip(RoundTrip):
    """EmbeddedLog.publish → EmbeddedSubscription.fetch, as the relay and consumer use them."""

    topic = "bench.raw"

    def __init__(self, url: str) -> None:
        super().__init__()
        self._log = EmbeddedLog(url)

    async def start(self) -> None:
        await self._log.start([self.topic])
        subscription = await self._log.subscribe("bench.raw", [self.topic])

        async def read() -> None:
            while True:
                batches = await subscription.fetch(timeout=0.5, max_records=500)
                for batch in batches.values():
                    for message in batch:
                        self._received(message.value)
                    await subscription.commit(batch[-1])

        self._start_reader(read)

    async def _send(self, seq: int, value: bytes) -> None:
        await self._log.publish([OutgoingMessage(topic=self.topic, key=str(seq), value=value)])

    async def stop(self) -> None:
        await self._stop_reader()
        await self._log.stop()


class KafkaRoundTrip(RoundTrip):
    """aiokafka producer (acks=all, idempotent, linger 1 ms: the platform's settings)
    to a consumer assigned to the same one-partition topic (read_committed)."""

    def __init__(self, bootstrap: str, topic: str) -> None:
        super().__init__()
        self._bootstrap = bootstrap
        self.topic = topic
        self._producer = AIOKafkaProducer(
            bootstrap_servers=bootstrap, acks="all", enable_idempotence=True, linger_ms=1
        )
        self._consumer = AIOKafkaConsumer(
            bootstrap_servers=bootstrap,
            enable_auto_commit=False,
            isolation_level="read_committed",
        )

    async def start(self) -> None:
        admin = AIOKafkaAdminClient(bootstrap_servers=self._bootstrap)
        await admin.start()
        try:
            await admin.create_topics([NewTopic(self.topic, 1, 1)])
            for _ in range(100):
                if self.topic in await admin.list_topics():
                    break
                await asyncio.sleep(0.1)
        finally:
            await admin.close()
        await self._producer.start()
        await self._consumer.start()
        partition = TopicPartition(self.topic, 0)
        self._consumer.assign([partition])
        await self._consumer.seek_to_end(partition)

        async def read() -> None:
            while True:
                records = await self._consumer.getmany(timeout_ms=500, max_records=500)
                for batch in records.values():
                    for record in batch:
                        self._received(record.value)

        self._start_reader(read)

    async def _send(self, seq: int, value: bytes) -> None:
        await self._producer.send_and_wait(self.topic, value=value, key=str(seq).encode())

    async def stop(self) -> None:
        await self._stop_reader()
        await self._consumer.stop()
        await self._producer.stop()
