"""Samples and their summaries (p50, p99, mean) in milliseconds."""

import math
import statistics
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Series:
    label: str
    samples: list[float] = field(default_factory=list)  # seconds

    def add(self, seconds: float) -> None:
        self.samples.append(seconds)

    def summary(self) -> dict[str, Any]:
        ordered = sorted(self.samples)
        return {
            "label": self.label,
            "n": len(ordered),
            "p50_ms": _ms(_percentile(ordered, 0.50)),
            "p99_ms": _ms(_percentile(ordered, 0.99)),
            "mean_ms": _ms(statistics.fmean(ordered)),
            "min_ms": _ms(ordered[0]),
            "max_ms": _ms(ordered[-1]),
            "samples_ms": [_ms(value) for value in self.samples],
        }


def _percentile(ordered: list[float], q: float) -> float:
    """Linear interpolation between closest ranks (numpy's default)."""
    position = (len(ordered) - 1) * q
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 3)


class Figures:
    def __init__(self) -> None:
        self.series: dict[str, Series] = {}

    def series_for(self, key: str, label: str) -> Series:
        return self.series.setdefault(key, Series(label))

    def summaries(self) -> dict[str, dict[str, Any]]:
        return {key: s.summary() for key, s in self.series.items() if s.samples}
