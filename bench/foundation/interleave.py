"""Interleaving configurations, and progress lines on stderr."""

import sys
import time
from typing import TypeVar

T = TypeVar("T")

_STARTED = time.perf_counter()


def rotate(items: list[T], i: int) -> list[T]:
    """Alternates the order, so no configuration is always the first one measured."""
    return items if i % 2 == 0 else list(reversed(items))


def progress(message: str) -> None:
    print(f"  [{time.perf_counter() - _STARTED:5.1f} s] {message}", file=sys.stderr, flush=True)
