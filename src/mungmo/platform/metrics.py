"""Prometheus metrics, one registry per application instance."""

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.http_requests = Counter(
            "mungmo_http_requests_total",
            "HTTP requests",
            ["method", "route", "status"],
            registry=self.registry,
        )
        self.http_latency = Histogram(
            "mungmo_http_request_seconds",
            "HTTP request latency",
            ["method", "route"],
            registry=self.registry,
        )
        self.events_published = Counter(
            "mungmo_events_published_total",
            "Events published from the outbox",
            ["service"],
            registry=self.registry,
        )
        self.outbox_pending = Gauge(
            "mungmo_outbox_pending",
            "Unpublished outbox rows seen by the relay",
            ["service"],
            registry=self.registry,
        )
        self.events_processed = Counter(
            "mungmo_events_processed_total",
            "Events handled by a consumer",
            ["consumer", "outcome"],
            registry=self.registry,
        )
        self.event_propagation = Histogram(
            "mungmo_event_propagation_seconds",
            "From the producing commit to the consumer's effect",
            ["consumer"],
            buckets=(
                0.001,
                0.0025,
                0.005,
                0.01,
                0.025,
                0.05,
                0.1,
                0.25,
                0.5,
                1,
                2.5,
                5,
                10,
            ),
            registry=self.registry,
        )
        self.dead_letters = Counter(
            "mungmo_dead_letters_total",
            "Events parked as dead letters",
            ["consumer"],
            registry=self.registry,
        )
        self.consumer_retries = Counter(
            "mungmo_consumer_retries_total",
            "Messages tried again: infrastructure away, or a handler failing",
            ["group", "reason"],
            registry=self.registry,
        )
        self.consumer_stalled = Gauge(
            "mungmo_consumer_stalled",
            "1 while a partition is held on an event version no handler here reads",
            ["group", "topic", "partition"],
            registry=self.registry,
        )
        self.outbox_parked = Counter(
            "mungmo_outbox_parked_total",
            "Outbox rows the event log refused too often, parked with their key",
            ["service"],
            registry=self.registry,
        )
