"""The printed table, the ratios between figures and the JSON file of samples."""

import json
import os
import platform
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import make_url

from foundation.figures import Figures
from foundation.layout import (
    FLOOD_TIMER_KEYS,
    PIPELINE_RATIOS,
    POLL_SHARE_KEYS,
    RATIOS,
    SECTIONS,
)
from foundation.options import CHEAP_ARGON2, FLOOD, RESULTS_DIR

if TYPE_CHECKING:
    from foundation.run import Bench


def document(bench: "Bench", seconds: float) -> dict[str, Any]:
    """Everything a run found: options, every series with its samples, the ratios."""
    options = bench.options
    summaries = bench.figures.summaries()
    return {
        "run_id": bench.run_id,
        "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "wall_seconds": round(seconds, 1),
        "environment": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "load_average": [round(load, 2) for load in os.getloadavg()],
        },
        "options": {
            "n": options.n,
            "n_production": options.n_production,
            "quick": options.quick,
            "pipeline_only": options.pipeline_only,
            "relay_poll_seconds": options.relay_poll,
            "stacks": bench.stacks,
            "kafka": None if options.embedded_only else options.kafka,
            "mariadb": None
            if options.embedded_only
            else make_url(options.mariadb_url).render_as_string(hide_password=True),
            "argon2_production": bench.production,
            "argon2_cheap": CHEAP_ARGON2,
        },
        "startup_seconds": {key: round(value, 3) for key, value in bench.startup.items()},
        "series": summaries,
        "pipeline_ratios": ratios(summaries, PIPELINE_RATIOS),
        "ratios": ratios(summaries),
        "poll_bound_share": poll_bound_share(bench.figures, options.relay_poll),
    }


def ratios(
    summaries: dict[str, dict[str, Any]], table: list[tuple[str, str, str]] = RATIOS
) -> list[dict[str, Any]]:
    found = []
    for label, top, bottom in table:
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


def poll_bound_share(figures: Figures, poll_seconds: float) -> dict[str, float]:
    """Share of propagation samples at or over half the relay poll interval: the sign
    that the relay slept through a commit and only woke on its timer."""
    shares = {}
    for key in POLL_SHARE_KEYS:
        series = figures.series.get(key)
        if series is not None and series.samples:
            slow = sum(1 for value in series.samples if value >= poll_seconds / 2)
            shares[key] = round(slow / len(series.samples), 4)
    return shares


def _params(argon2: dict[str, int]) -> str:
    return (
        f"t={argon2['argon2_time_cost']}, m={argon2['argon2_memory_kib']} KiB, "
        f"p={argon2['argon2_parallelism']}"
    )


def render(result: dict[str, Any]) -> str:
    options, series = result["options"], result["series"]
    width = 62
    samples = (
        "pipeline only"
        if options["pipeline_only"]
        else f"production argon2id n={options['n_production']}"
    )
    lines = [
        f"MungMo foundation benchmark — run {result['run_id']}, {result['finished_at']}, "
        f"{result['wall_seconds']} s",
        f"Python {result['environment']['python']}, {result['environment']['platform']}, "
        f"{result['environment']['cpus']} CPUs, load {result['environment']['load_average']}; "
        f"n={options['n']} ({samples}); "
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
    half = options["relay_poll_seconds"] / 2 * 1000
    shares = result["poll_bound_share"]
    for title, found in [
        ("ratios, same run: pipeline (issue 16: ≤ 3× over Kafka)", result["pipeline_ratios"]),
        ("ratios, same run: HTTP and old emit-based figures", result["ratios"]),
    ]:
        if not found:
            continue
        lines += ["", f"{title:<{width}} {'p50':>9} {'p99':>9}"]
        for ratio in found:
            p50, p99 = _times(ratio["p50"]), _times(ratio["p99"])
            lines.append(f"  {ratio['label']:<{width - 2}} {p50:>9} {p99:>9}")
        if found is result["pipeline_ratios"]:
            timer = [f"{name} {shares[key]:.1%}" for name, key in FLOOD_TIMER_KEYS.items()
                     if key in shares]  # fmt: skip
            if timer:
                lines.append(
                    f"  {FLOOD:,}-event burst, waited on the poll timer (relay idle ≥ "
                    f"{half:.0f} ms after the commit): " + ", ".join(timer)
                )
    lines += ["", "start-up (uvicorn start → lifespan done, seconds):"]
    lines.append(
        "  " + ", ".join(f"{key} {value:.2f}" for key, value in result["startup_seconds"].items())
    )
    lines += ["", f"latency samples ≥ half the relay poll interval ({half:.0f} ms):"]
    lines.append(
        "  " + ", ".join(f"{key} {share:.1%}" for key, share in result["poll_bound_share"].items())
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
