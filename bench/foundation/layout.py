"""What the report shows: the table's sections, the ratios, the poll-timer shares."""

from foundation.options import BURST, FLOOD, FLOOD_TRANSACTIONS
from foundation.tracing import STAGES

RAW_LABELS = {
    "embedded": "raw embedded log: publish → fetch",
    "kafka": "raw Kafka: produce → consume (acks=all)",
    "embedded.returned": "  of which publish (insert + commit) returned",
    "kafka.returned": "  of which produce → ack (send_and_wait returned)",
}

# The figures: commit → effect against the raw round trip taken beside it.
PIPELINE_RATIOS = [
    ("commit→effect over Kafka / raw Kafka round trip", "pipeline.kafka", "pipeline.raw.kafka"),
    (
        f"commit→effect over Kafka / raw Kafka, {BURST} at once",
        "pipeline.kafka.burst",
        "pipeline.raw.kafka.burst",
    ),
    (
        "commit→effect over embedded log / raw embedded round trip",
        "pipeline.embedded",
        "pipeline.raw.embedded",
    ),
    (
        f"commit→effect over embedded log / raw, {BURST} at once",
        "pipeline.embedded.burst",
        "pipeline.raw.embedded.burst",
    ),
    ("commit→effect: Kafka / embedded log", "pipeline.kafka", "pipeline.embedded"),
    (
        f"commit→effect over Kafka: {BURST} at once / alone",
        "pipeline.kafka.burst",
        "pipeline.kafka",
    ),
    (
        f"raw Kafka: {BURST} at once / one at a time",
        "pipeline.raw.kafka.burst",
        "pipeline.raw.kafka",
    ),
    ("old emit→applied / commit→effect, over Kafka", "propagation.kafka", "pipeline.kafka"),
]

RATIOS = [
    ("argon2id hash / sign-up, embedded", "argon2.production", "signup.embedded.production"),
    ("argon2id hash / sign-up, real", "argon2.production", "signup.real.production"),
    ("sign-up embedded: production / cheap argon2id", "signup.embedded.production",
     "signup.embedded.cheap"),
    ("sign-up real: production / cheap argon2id", "signup.real.production", "signup.real.cheap"),
    ("login embedded: production / cheap argon2id", "login.embedded.production",
     "login.embedded.cheap"),
    ("login real: production / cheap argon2id", "login.real.production", "login.real.cheap"),
    ("sign-up, production argon2id: real / embedded", "signup.real.production",
     "signup.embedded.production"),
    ("login, production argon2id: real / embedded", "login.real.production",
     "login.embedded.production"),
    ("sign-up, cheap argon2id: real / embedded", "signup.real.cheap", "signup.embedded.cheap"),
    ("login, cheap argon2id: real / embedded", "login.real.cheap", "login.embedded.cheap"),
    ("raw round trip: Kafka / embedded log", "raw.kafka", "raw.embedded"),
    ("old emit-based: embedded log / raw embedded round trip", "propagation.embedded",
     "raw.embedded"),
    ("old emit-based: Kafka / raw Kafka round trip", "propagation.kafka", "raw.kafka"),
    ("old emit-based propagation: Kafka / embedded log", "propagation.kafka",
     "propagation.embedded"),
    ("old embedded: emit → published / emit → applied", "propagation.embedded.relay",
     "propagation.embedded"),
    ("old Kafka: emit → published / emit → applied", "propagation.kafka.relay",
     "propagation.kafka"),
    ("old embedded: during HTTP phase / alone", "propagation.embedded.loaded",
     "propagation.embedded"),
    ("old Kafka: during HTTP phase / alone", "propagation.kafka.loaded", "propagation.kafka"),
    (f"old embedded: {BURST} sign-ups at once / alone", "propagation.embedded.burst",
     "propagation.embedded"),
    (f"old Kafka: {BURST} sign-ups at once / alone", "propagation.kafka.burst",
     "propagation.kafka"),
]  # fmt: skip


def _stages(series: str) -> list[str]:
    return [f"{series}.stage.{stage}" for stage in STAGES] + [series]


SECTIONS = [
    (
        "HTTP, production argon2id ({production})",
        ["argon2.production", "signup.embedded.production", "signup.real.production",
         "login.embedded.production", "login.real.production"],
    ),
    (
        "HTTP, cheap argon2id ({cheap}): the framework's own cost",
        ["argon2.cheap", "signup.embedded.cheap", "signup.real.cheap",
         "login.embedded.cheap", "login.real.cheap"],
    ),
    (
        "Raw transports, one message at a time (beside the old emit-based rows)",
        ["raw.embedded", "raw.embedded.returned", "raw.kafka", "raw.kafka.returned"],
    ),
    (
        "OLD, emit-based: emit inside the sign-up → member profile committed, one at a time",
        ["propagation.embedded", "propagation.embedded.relay",
         "propagation.kafka", "propagation.kafka.relay"],
    ),
    (
        "OLD, emit-based, under load: the cheap HTTP phase's events, and sign-up bursts",
        ["propagation.embedded.loaded", "propagation.kafka.loaded",
         "propagation.embedded.burst", "propagation.embedded.burst.relay",
         "propagation.kafka.burst", "propagation.kafka.burst.relay"],
    ),
    (
        "Pipeline: commit returned → member profile committed (no HTTP, no argon2id)",
        ["pipeline.raw.embedded", "pipeline.embedded", "pipeline.raw.kafka", "pipeline.kafka"],
    ),
    (
        f"Pipeline in bursts of {BURST}: {BURST} one-event transactions / raw sends at once",
        ["pipeline.raw.embedded.burst", "pipeline.embedded.burst",
         "pipeline.raw.kafka.burst", "pipeline.kafka.burst"],
    ),
    ("Where the time goes over Kafka, one event at a time", _stages("pipeline.kafka")),
    ("Where the time goes over the embedded log, one event at a time",
     _stages("pipeline.embedded")),
    (f"Where the time goes over Kafka, bursts of {BURST} (each event)",
     _stages("pipeline.kafka.burst")),
    (f"Where the time goes over the embedded log, bursts of {BURST} (each event)",
     _stages("pipeline.embedded.burst")),
    (
        f"{FLOOD:,} events at once: {FLOOD_TRANSACTIONS} concurrent transactions of "
        f"{FLOOD // FLOOD_TRANSACTIONS}",
        ["pipeline.embedded.flood", "pipeline.embedded.flood.wake", "pipeline.embedded.flood.idle",
         "pipeline.embedded.flood.all", "pipeline.kafka.flood", "pipeline.kafka.flood.wake",
         "pipeline.kafka.flood.idle", "pipeline.kafka.flood.all"],
    ),
]  # fmt: skip

# Latency series whose share of samples at or over half the relay poll interval is
# reported: the sign of an event that waited for the relay's timer.
POLL_SHARE_KEYS = [
    "propagation.embedded",
    "propagation.kafka",
    "propagation.embedded.loaded",
    "propagation.kafka.loaded",
    "propagation.embedded.burst",
    "propagation.kafka.burst",
    "pipeline.embedded",
    "pipeline.kafka",
    "pipeline.embedded.burst",
    "pipeline.kafka.burst",
    "pipeline.embedded.flood",
    "pipeline.kafka.flood",
    "pipeline.embedded.flood.wake",
    "pipeline.kafka.flood.wake",
    "pipeline.embedded.flood.idle",
    "pipeline.kafka.flood.idle",
]
# The big burst's direct test: how long the relay sat idle between an event's commit and
# the round that published it (waiting for a busy round to end does not count).
FLOOD_TIMER_KEYS = {
    "Kafka": "pipeline.kafka.flood.idle",
    "embedded": "pipeline.embedded.flood.idle",
}
