"""The printed table, the ratios between figures and the JSON file of samples."""

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from foundation.figures import Figures
from foundation.options import BURST, RESULTS_DIR

RAW_LABELS = {
    "embedded": "raw embedded log: publish → fetch",
    "kafka": "raw Kafka: produce → consume (acks=all)",
    "embedded.returned": "  of which publish (insert + commit) returned",
    "kafka.returned": "  of which produce → ack (send_and_wait returned)",
}


RATIOS = [
    ("argon2id hash / sign-up, embedded", "argon2.production", "signup.embedded.production"),
    ("argon2id hash / sign-up, real", "argon2.production", "signup.real.production"),
    (
        "sign-up embedded: production / cheap argon2id",
        "signup.embedded.production",
        "signup.embedded.cheap",
    ),
    ("sign-up real: production / cheap argon2id", "signup.real.production", "signup.real.cheap"),
    (
        "login embedded: production / cheap argon2id",
        "login.embedded.production",
        "login.embedded.cheap",
    ),
    ("login real: production / cheap argon2id", "login.real.production", "login.real.cheap"),
    (
        "sign-up, production argon2id: real / embedded",
        "signup.real.production",
        "signup.embedded.production",
    ),
    (
        "login, production argon2id: real / embedded",
        "login.real.production",
        "login.embedded.production",
    ),
    ("sign-up, cheap argon2id: real / embedded", "signup.real.cheap", "signup.embedded.cheap"),
    ("login, cheap argon2id: real / embedded", "login.real.cheap", "login.embedded.cheap"),
    ("raw round trip: Kafka / embedded log", "raw.kafka", "raw.embedded"),
    (
        "propagation over embedded log / raw embedded round trip",
        "propagation.embedded",
        "raw.embedded",
    ),
    ("propagation over Kafka / raw Kafka round trip", "propagation.kafka", "raw.kafka"),
    ("propagation: Kafka / embedded log", "propagation.kafka", "propagation.embedded"),
    (
        "embedded: emit → published / emit → applied",
        "propagation.embedded.relay",
        "propagation.embedded",
    ),
    ("Kafka: emit → published / emit → applied", "propagation.kafka.relay", "propagation.kafka"),
    (
        "embedded propagation: during HTTP phase / alone",
        "propagation.embedded.loaded",
        "propagation.embedded",
    ),
    (
        "Kafka propagation: during HTTP phase / alone",
        "propagation.kafka.loaded",
        "propagation.kafka",
    ),
    (
        f"embedded propagation: {BURST} at once / alone",
        "propagation.embedded.burst",
        "propagation.embedded",
    ),
    (
        f"Kafka propagation: {BURST} at once / alone",
        "propagation.kafka.burst",
        "propagation.kafka",
    ),
]

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
        "Raw transports, one message at a time",
        ["raw.embedded", "raw.embedded.returned", "raw.kafka", "raw.kafka.returned"],
    ),
    (
        "AccountRegistered → member profile committed, one sign-up at a time",
        ["propagation.embedded", "propagation.embedded.relay",
         "propagation.kafka", "propagation.kafka.relay"],
    ),
    (
        "Same under load: the cheap HTTP phase's events (nobody waited), and bursts",
        ["propagation.embedded.loaded", "propagation.kafka.loaded",
         "propagation.embedded.burst", "propagation.embedded.burst.relay",
         "propagation.kafka.burst", "propagation.kafka.burst.relay"],
    ),
]  # fmt: skip


def ratios(summaries: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    found = []
    for label, top, bottom in RATIOS:
        if top in summaries and bottom in summaries:
            a, b = summaries[top], summaries[bottom]
            found.append(
                {
                    "label": label,
                    "numerator": top,
                    "denominator": bottom,
                    "p50": round(a["p50_ms"] / b["p50_ms"], 3) if b["p50_ms"] else None,
                    "p99": round(a["p99_ms"] / b["p99_ms"], 3) if b["p99_ms"] else None,
                }
            )
    return found


PROPAGATION_KEYS = [
    "propagation.embedded",
    "propagation.kafka",
    "propagation.embedded.loaded",
    "propagation.kafka.loaded",
    "propagation.embedded.burst",
    "propagation.kafka.burst",
]


def poll_bound_share(figures: Figures, poll_seconds: float) -> dict[str, float]:
    """Share of propagation samples at or over half the relay poll interval: the sign
    that the relay slept through a commit and only woke on its timer."""
    shares = {}
    for key in PROPAGATION_KEYS:
        series = figures.series.get(key)
        if series is not None and series.samples:
            slow = sum(1 for value in series.samples if value >= poll_seconds / 2)
            shares[key] = round(slow / len(series.samples), 3)
    return shares


def _params(argon2: dict[str, int]) -> str:
    return (
        f"t={argon2['argon2_time_cost']}, m={argon2['argon2_memory_kib']} KiB, "
        f"p={argon2['argon2_parallelism']}"
    )


def render(result: dict[str, Any]) -> str:
    options, series = result["options"], result["series"]
    width = 62
    lines = [
        f"MungMo foundation benchmark — run {result['run_id']}, {result['finished_at']}, "
        f"{result['wall_seconds']} s",
        f"Python {result['environment']['python']}, {result['environment']['platform']}, "
        f"{result['environment']['cpus']} CPUs; n={options['n']} "
        f"(production argon2id n={options['n_production']}); "
        f"relay poll {options['relay_poll_seconds']} s; stacks: {', '.join(options['stacks'])}",
        "",
        f"{'latency in ms':<{width}} {'n':>5} {'p50':>9} {'p99':>9} {'mean':>9}",
    ]
    for title, keys in SECTIONS:
        present = [key for key in keys if key in series]
        if not present:
            continue
        heading = title.format(
            production=_params(options["argon2_production"]),
            cheap=_params(options["argon2_cheap"]),
        )
        lines += ["", heading]
        for key in present:
            s = series[key]
            lines.append(
                f"  {s['label']:<{width - 2}} {s['n']:>5} {s['p50_ms']:>9.2f} "
                f"{s['p99_ms']:>9.2f} {s['mean_ms']:>9.2f}"
            )
    lines += ["", f"{'ratios, same run':<{width}} {'p50':>9} {'p99':>9}"]
    for ratio in result["ratios"]:
        lines.append(
            f"  {ratio['label']:<{width - 2}} {_times(ratio['p50']):>9} {_times(ratio['p99']):>9}"
        )
    lines += ["", "start-up (uvicorn start → lifespan done, seconds):"]
    lines.append(
        "  " + ", ".join(f"{key} {value:.2f}" for key, value in result["startup_seconds"].items())
    )
    half = options["relay_poll_seconds"] / 2 * 1000
    lines += ["", f"propagation samples ≥ half the relay poll interval ({half:.0f} ms):"]
    lines.append(
        "  "
        + ", ".join(
            f"{key.removeprefix('propagation.')} {share:.0%}"
            for key, share in result["poll_bound_share"].items()
        )
    )
    return "\n".join(lines)


def _times(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}×"


def write_json(result: dict[str, Any]) -> Path:
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    path = RESULTS_DIR / f"foundation-{stamp}.json"
    path.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    return path
