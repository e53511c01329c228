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
            max_message_bytes=settings.events_max_message_bytes,
        )
    from mungmo.platform.events.embedded import EmbeddedLog

    return EmbeddedLog(
        settings.event_log_url(), max_message_bytes=settings.events_max_message_bytes
    )
