"""Apache Kafka transport (aiokafka). Only the platform imports the Kafka client."""

import asyncio
from collections.abc import Sequence

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRebalanceListener, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import CommitFailedError, KafkaError

from mungmo.platform.clock import utc_now
from mungmo.platform.events.transport import (
    DeadLetter,
    IncomingMessage,
    OnRevoked,
    OutgoingMessage,
    PartitionBatches,
    PublishFailed,
    dead_letter_topic,
)
from mungmo.platform.logging import get_logger

log = get_logger(__name__)


class KafkaTransport:
    name = "kafka"

    def __init__(
        self,
        bootstrap_servers: str,
        *,
        client_id: str = "mungmo",
        partitions: int = 3,
        replication_factor: int = 1,
        max_message_bytes: int = 1_048_576,
        min_insync_replicas: int = 1,
        retention_ms: int = 7 * 86_400_000,
    ) -> None:
        self._bootstrap = bootstrap_servers
        self._client_id = client_id
        self._partitions = partitions
        self._replication = replication_factor
        self._max_message_bytes = max_message_bytes
        self._topic_configs = {
            "min.insync.replicas": str(min_insync_replicas),
            "retention.ms": str(retention_ms),
        }
        self._producer: AIOKafkaProducer | None = None
        self._topics: set[str] = set()

    @property
    def producer(self) -> AIOKafkaProducer:
        if self._producer is None:
            raise RuntimeError("Kafka transport not started")
        return self._producer

    async def start(self, topics: Sequence[str]) -> None:
        await self.ensure_topics([*topics, *[dead_letter_topic(t) for t in topics]])
        if self._producer is None:
            producer = AIOKafkaProducer(
                bootstrap_servers=self._bootstrap,
                client_id=self._client_id,
                acks="all",
                enable_idempotence=True,  # retries keep order and never duplicate
                linger_ms=1,
                max_request_size=self._max_message_bytes,
            )
            await producer.start()
            self._producer = producer

    async def ensure_topics(self, topics: Sequence[str]) -> None:
        wanted = set(topics) - self._topics
        if not wanted:
            return
        admin = AIOKafkaAdminClient(bootstrap_servers=self._bootstrap, client_id=self._client_id)
        await admin.start()
        try:
            missing = wanted - set(await admin.list_topics())
            if missing:
                await admin.create_topics(
                    [
                        NewTopic(
                            name=topic,
                            num_partitions=self._partitions,
                            replication_factor=self._replication,
                            topic_configs=self._topic_configs,
                        )
                        for topic in sorted(missing)
                    ]
                )
                # Said out loud: a replication factor of 1 is fine on a laptop only.
                log.info(
                    "kafka.topics_created",
                    topics=sorted(missing),
                    partitions=self._partitions,
                    replication_factor=self._replication,
                    **{key.replace(".", "_"): value for key, value in self._topic_configs.items()},
                )
                await self._wait_for_topics(admin, missing)
        finally:
            await admin.close()
        self._topics |= wanted

    async def _wait_for_topics(self, admin: AIOKafkaAdminClient, topics: set[str]) -> None:
        for _ in range(100):
            if topics <= set(await admin.list_topics()):
                return
            await asyncio.sleep(0.1)
        raise RuntimeError(f"Kafka did not create topics {sorted(topics)}")

    async def stop(self) -> None:
        if self._producer is not None:
            await self._producer.stop()
            self._producer = None

    async def ping(self) -> None:
        await self.producer.client.fetch_all_metadata()

    async def publish(self, messages: Sequence[OutgoingMessage]) -> None:
        # Send all, then wait for all: the idempotent producer keeps per-partition order.
        pending: list[asyncio.Future[object]] = []
        for index, message in enumerate(messages):
            try:
                pending.append(
                    await self.producer.send(
                        message.topic,
                        value=message.value,
                        key=message.key.encode(),
                        headers=message.headers,
                    )
                )
            except Exception as error:  # refused before it left (e.g. too large)
                await asyncio.gather(*pending, return_exceptions=True)
                raise PublishFailed(_acknowledged(pending, index), error) from error
        results = await asyncio.gather(*pending, return_exceptions=True)
        for index, result in enumerate(results):
            if isinstance(result, BaseException):
                raise PublishFailed(index, result) from result

    async def subscribe(
        self, group: str, topics: Sequence[str], *, on_revoked: OnRevoked | None = None
    ) -> "KafkaSubscription":
        consumer = AIOKafkaConsumer(
            bootstrap_servers=self._bootstrap,
            client_id=self._client_id,
            group_id=group,
            enable_auto_commit=False,
            auto_offset_reset="earliest",
            isolation_level="read_committed",
        )
        await consumer.start()
        consumer.subscribe(topics=list(topics), listener=_RevocationListener(on_revoked))
        return KafkaSubscription(consumer)

    async def tail(self, topics: Sequence[str]) -> "KafkaSubscription":
        """Messages published from now on, on every partition, for this reader alone
        (no group, no commits): each app instance's real-time channel reads this way."""
        consumer = AIOKafkaConsumer(
            bootstrap_servers=self._bootstrap,
            client_id=self._client_id,
            group_id=None,
            enable_auto_commit=False,
            auto_offset_reset="latest",
            isolation_level="read_committed",
        )
        await consumer.start()
        try:
            partitions = [
                TopicPartition(topic, partition)
                for topic in topics
                for partition in sorted(await self.producer.partitions_for(topic))
            ]
            consumer.assign(partitions)
            await consumer.seek_to_end(*partitions)
            for partition in partitions:  # resolve "the end" now, not at the first fetch
                await consumer.position(partition)
        except BaseException:
            await consumer.stop()
            raise
        return KafkaSubscription(consumer, commits=False)

    async def dead_letter(self, message: IncomingMessage, *, consumer: str, error: str) -> None:
        headers = [
            *message.headers,
            ("dlt_consumer", consumer.encode()),
            ("dlt_error", error[:4000].encode()),
            ("dlt_original_topic", message.topic.encode()),
            ("dlt_original_partition", str(message.partition).encode()),
            ("dlt_original_offset", str(message.offset).encode()),
            ("dlt_failed_at", utc_now().isoformat().encode()),
        ]
        topic = dead_letter_topic(message.topic)
        await self.ensure_topics([topic])
        future = await self.producer.send(
            topic,
            value=message.value,
            key=message.key.encode() if message.key else None,
            headers=headers,
        )
        await future

    async def list_dead_letters(self, limit: int = 100) -> list[DeadLetter]:
        cluster = await self.producer.client.fetch_all_metadata()
        partitions = [
            TopicPartition(topic, partition)
            for topic in cluster.topics()
            if topic.endswith(".dlt")
            for partition in cluster.partitions_for_topic(topic) or ()
        ]
        reader = AIOKafkaConsumer(
            bootstrap_servers=self._bootstrap, client_id=self._client_id, enable_auto_commit=False
        )
        await reader.start()
        try:
            if not partitions:
                return []
            reader.assign(partitions)
            await reader.seek_to_beginning(*partitions)
            ends = await reader.end_offsets(partitions)
            letters: list[DeadLetter] = []
            for _ in range(100):  # bounded: read up to the end offsets seen above
                if all([await reader.position(p) >= ends[p] for p in partitions]):
                    break
                batches = await reader.getmany(timeout_ms=500)
                for records in batches.values():
                    for record in records:
                        headers = {name: value.decode() for name, value in record.headers}
                        letters.append(
                            DeadLetter(
                                id=f"{record.topic}:{record.partition}:{record.offset}",
                                consumer=headers.get("dlt_consumer", "?"),
                                topic=headers.get("dlt_original_topic", record.topic),
                                partition=int(headers.get("dlt_original_partition", "0")),
                                offset=int(headers.get("dlt_original_offset", "-1")),
                                key=record.key.decode() if record.key else None,
                                error=headers.get("dlt_error", ""),
                                value=(record.value or b"").decode(errors="replace"),
                                failed_at=headers.get("dlt_failed_at", ""),
                            )
                        )
            letters.sort(key=lambda letter: letter.failed_at, reverse=True)
            return letters[:limit]
        finally:
            await reader.stop()


def _acknowledged(done: list[asyncio.Future[object]], limit: int) -> int:
    """How many of the finished sends, from the first, succeeded."""
    for index, future in enumerate(done[:limit]):
        if future.exception() is not None:
            return index
    return min(len(done), limit)


class _RevocationListener(ConsumerRebalanceListener):  # type: ignore[misc]
    def __init__(self, on_revoked: OnRevoked | None) -> None:
        self._on_revoked = on_revoked

    async def on_partitions_revoked(self, revoked: set[TopicPartition]) -> None:
        if self._on_revoked is not None:
            await self._on_revoked({(tp.topic, tp.partition) for tp in revoked})

    async def on_partitions_assigned(self, assigned: set[TopicPartition]) -> None:
        log.info(
            "kafka.partitions_assigned",
            partitions=sorted(f"{t.topic}:{t.partition}" for t in assigned),
        )


class KafkaSubscription:
    def __init__(self, consumer: AIOKafkaConsumer, *, commits: bool = True) -> None:
        self._consumer = consumer
        self._commits = commits

    async def fetch(self, *, timeout: float, max_records: int) -> PartitionBatches:
        records = await self._consumer.getmany(
            timeout_ms=int(timeout * 1000), max_records=max_records
        )
        return {
            (partition.topic, partition.partition): [
                IncomingMessage(
                    topic=record.topic,
                    partition=record.partition,
                    offset=record.offset,
                    key=record.key.decode() if record.key else None,
                    value=record.value or b"",
                    headers=list(record.headers),
                )
                for record in batch
            ]
            for partition, batch in records.items()
        }

    async def commit(self, message: IncomingMessage) -> None:
        if not self._commits:
            return
        try:
            await self._consumer.commit(
                {TopicPartition(message.topic, message.partition): message.offset + 1}
            )
        except (CommitFailedError, KafkaError) as error:
            # A rebalance moved the partition: the new owner re-reads from the last
            # commit and the inbox drops what was already applied.
            log.warning("kafka.commit_failed", error=str(error), topic=message.topic)

    def pause(self, topic: str, partition: int) -> None:
        self._consumer.pause(TopicPartition(topic, partition))

    def resume(self, topic: str, partition: int) -> None:
        tp = TopicPartition(topic, partition)
        if tp in self._consumer.assignment():  # a rebalance may have taken it away
            self._consumer.resume(tp)

    async def close(self) -> None:
        await self._consumer.stop()
