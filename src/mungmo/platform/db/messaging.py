"""Outbox, inbox and relay lease tables that live in every service's own database."""

from dataclasses import dataclass

from sqlalchemy import (
    BigInteger,
    Column,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from mungmo.platform.db.types import AutoIncrementBigInt, UtcDateTime


@dataclass(frozen=True)
class MessagingTables:
    outbox: Table
    inbox: Table
    relay_lease: Table
    outbox_keys: Table

    @classmethod
    def define(cls, metadata: MetaData) -> "MessagingTables":
        outbox = Table(
            "outbox",
            metadata,
            # The sequence is the publish order. Per-key order follows from it because
            # every transaction that emits for a key first locks that key's row in
            # outbox_keys (UnitOfWork.flush), whatever else it locked: a second writer
            # of the key inserts its rows only after the first one committed.
            Column("seq", AutoIncrementBigInt, primary_key=True, autoincrement=True),
            Column("event_id", String(36), nullable=False),
            Column("topic", String(200), nullable=False),
            Column("event_key", String(200), nullable=False),
            Column("event_type", String(200), nullable=False),
            Column("event_version", Integer, nullable=False),
            Column("source", String(50), nullable=False),
            Column("occurred_at", UtcDateTime, nullable=False),
            Column("trace_id", String(64), nullable=True),
            Column("payload", Text, nullable=False),
            Column("published_at", UtcDateTime, nullable=True),
            # A row the log refused (too large, say) is retried a few times, then parked:
            # the relay passes over it and over later rows of its key, which wait.
            Column("publish_attempts", Integer, nullable=False, server_default="0"),
            Column("parked_at", UtcDateTime, nullable=True),
            Column("park_reason", Text, nullable=True),
            Index("ix_outbox_published_at", "published_at", "seq"),
            Index("ix_outbox_parked_at", "parked_at"),
            UniqueConstraint("event_id", name="uq_outbox_event_id"),
        )
        inbox = Table(
            "inbox",
            metadata,
            Column("consumer", String(200), primary_key=True),
            Column("event_id", String(36), primary_key=True),
            Column("processed_at", UtcDateTime, nullable=False),
        )
        outbox_keys = Table(
            "outbox_keys",
            metadata,
            Column("topic", String(200), primary_key=True),
            Column("event_key", String(200), primary_key=True),
            # How many transactions emitted for the key: the upsert that bumps it is the lock.
            Column("emits", BigInteger, nullable=False),
        )
        relay_lease = Table(
            "relay_lease",
            metadata,
            Column("name", String(50), primary_key=True),
            Column("holder", String(64), nullable=False),
            Column("expires_at", UtcDateTime, nullable=False),
        )
        return cls(outbox=outbox, inbox=inbox, relay_lease=relay_lease, outbox_keys=outbox_keys)

    @classmethod
    def of(cls, metadata: MetaData) -> "MessagingTables":
        tables = metadata.tables
        return cls(
            outbox=tables["outbox"],
            inbox=tables["inbox"],
            relay_lease=tables["relay_lease"],
            outbox_keys=tables["outbox_keys"],
        )
