from mungmo.platform.config import PlatformSettings
from mungmo.platform.events.transport import Transport


def build_transport(settings: PlatformSettings, *, client_id: str = "mungmo") -> Transport:
    if settings.events_transport == "kafka":
        from mungmo.platform.events.kafka import KafkaTransport

        return KafkaTransport(
            settings.kafka_bootstrap_servers,
            client_id=client_id,
            partitions=settings.kafka_partitions,
            replication_factor=settings.kafka_replication_factor,
            min_insync_replicas=settings.kafka_min_insync_replicas,
            retention_ms=int(settings.event_log_retention_days * 86_400_000),
            max_message_bytes=settings.events_max_message_bytes,
        )
    from mungmo.platform.events.embedded import EmbeddedLog

    return EmbeddedLog(
        settings.event_log_url(), max_message_bytes=settings.events_max_message_bytes
    )
