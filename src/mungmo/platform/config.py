"""Settings: one ``MUNGMO_`` platform block and one ``MUNGMO_<SERVICE>_`` block per service.

Built at the composition root only, never at import time.
"""

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class PlatformSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="MUNGMO_", extra="ignore")

    data_dir: Path = Path("data")
    host: str = "127.0.0.1"
    port: int = 8000
    # embedded: SQLite event log in the data folder; kafka: a real broker.
    events_transport: Literal["embedded", "kafka"] = "embedded"
    events_log_url: str | None = None
    kafka_bootstrap_servers: str = "127.0.0.1:9092"
    kafka_topic_prefix: str = ""
    # production refuses to start on settings that lose events when one machine dies:
    # the embedded log, or Kafka topics with fewer than 3 replicas.
    mode: Literal["development", "production"] = "development"
    # Topics the app creates get these; existing topics keep what they have.
    kafka_partitions: int = 3
    kafka_replication_factor: int = 1
    kafka_min_insync_replicas: int = 1
    relay_poll_seconds: float = 0.5
    relay_batch_size: int = 500
    # A row the event log refuses for good (too large) this many times is parked.
    relay_max_refusals: int = 5
    # uow.emit refuses an event whose payload JSON (UTF-8) is larger: the outbox's
    # payload column holds 65,535 bytes on MariaDB. The log takes messages up to
    # events_max_message_bytes (Kafka's max.request.size; the embedded log enforces the
    # same), which leaves room for the envelope.
    events_max_payload_bytes: int = 64_000
    events_max_message_bytes: int = 1_048_576
    # Attempts for a handler that keeps failing before its event is a dead letter; an
    # unreachable database or broker is retried without limit, waiting at most
    # consumer_max_backoff_seconds between tries.
    consumer_max_attempts: int = 5
    consumer_backoff_seconds: float = 0.2
    consumer_max_backoff_seconds: float = 30.0
    # Messages of different keys in one partition applied side by side (MariaDB; on
    # SQLite one at a time). Each holds a database connection while it runs.
    consumer_keys_in_flight: int = Field(default=4, ge=1, le=16)
    # Retention, pruned every retention_interval_seconds. Inbox rows must outlive any
    # redelivery (a consumer away, a relay re-publishing), so keep them longer than the
    # event log keeps messages.
    retention_interval_seconds: float = 3600.0
    outbox_retention_hours: float = 24.0
    # A key's outbox_keys row (its emit lock) goes once nothing of the key is unpublished
    # and it has not emitted for this long; unset: the outbox's retention, the longest.
    outbox_key_retention_hours: float | None = None
    inbox_retention_days: float = 14.0
    event_log_retention_days: float = 7.0
    auto_migrate: bool = True
    # Durable scheduled jobs (platform/scheduling.py): how often each instance looks for
    # due jobs, and how long a claimed job stays with an instance that stopped answering.
    jobs_poll_seconds: float = 1.0
    jobs_lease_seconds: float = 60.0
    # Where services fetch the identity service's public keys when it runs elsewhere.
    auth_jwks_url: str | None = None
    auth_issuer: str = "mungmo"
    auth_audience: str = "mungmo"
    # How often each process reloads banned and deleted accounts from its databases, and
    # how long a denial is kept: longer than identity's access-token lifetime.
    auth_deny_list_refresh_seconds: float = 1.0
    auth_deny_list_retention_seconds: int = 900
    max_body_bytes: int = 1_048_576
    # Upload endpoints (paths under these prefixes) accept bigger bodies: a 50 MiB
    # video plus its multipart framing.
    upload_path_prefixes: tuple[str, ...] = ("/api/v1/media",)
    upload_max_bytes: int = 52_690_944
    write_rate_per_minute: int = 300
    # /metrics answers only a scraper sending this bearer token; without one it is 404.
    metrics_token: SecretStr | None = None
    web_dist: Path | None = None
    log_level: str = "INFO"
    log_json: bool = True

    def unsafe_for_production(self) -> list[str]:
        """What in these settings can lose acknowledged events (empty when none)."""
        problems = []
        if self.events_transport != "kafka":
            problems.append(
                "MUNGMO_EVENTS_TRANSPORT must be kafka (the embedded log has no replicas)"
            )
        if self.kafka_replication_factor < 3:
            problems.append(
                f"MUNGMO_KAFKA_REPLICATION_FACTOR is {self.kafka_replication_factor}; at least 3"
            )
        if not 1 <= self.kafka_min_insync_replicas <= self.kafka_replication_factor:
            problems.append(
                f"MUNGMO_KAFKA_MIN_INSYNC_REPLICAS is {self.kafka_min_insync_replicas}; "
                "between 1 and the replication factor"
            )
        return problems

    def sqlite_url(self, name: str) -> str:
        return f"sqlite+aiosqlite:///{(self.data_dir / f'{name}.db').resolve()}"

    def event_log_url(self) -> str:
        return self.events_log_url or self.sqlite_url("events")


class ServiceSettings(BaseSettings):
    """Base for per-service settings; subclasses set ``env_prefix='MUNGMO_<SERVICE>_'``."""

    model_config = SettingsConfigDict(extra="ignore")

    database_url: str | None = None

    def resolved_database_url(self, platform: PlatformSettings, service: str) -> str:
        return self.database_url or platform.sqlite_url(service)
