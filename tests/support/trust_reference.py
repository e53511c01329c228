"""A small reference model of the 발도장 policy (SPEC §3), written out independently of
the domain module, for the property and concurrency tests to check the service against."""

import random
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from mungmo.trust.domain import score

REPORT_TYPES = ["romance", "dog", "no_show", "abuse", "spam", "other"]


def reference(causes: list[score.Cause]) -> list[int]:
    """The table written out again, independently of the domain module: each key once,
    in (time, key) order; returns the score after each cause."""
    taken: dict[str, int] = {}
    current, after = 30, []
    for cause in sorted({c.key: c for c in reversed(causes)}.values(), key=lambda c: c.order):
        upper = current >= 70
        if cause.kind == "review":
            assert cause.stars is not None
            points = Decimal(cause.stars) / (3 if upper else 2)
            change = int(points.quantize(Decimal(1), rounding=ROUND_HALF_UP))
        elif cause.kind == "no_show":
            change = -5 if upper else -3
        elif cause.kind == "report_upheld":
            fixed = {"romance": (-5, -7), "dog": (-3, -5)}.get(str(cause.report_type))
            change = fixed[upper] if fixed else -(cause.chosen_penalty or 0)
        elif cause.kind == "appeal_reversal":
            change = -taken.get(str(cause.reverses), 0)
        else:
            change = 10 - current
        new = min(100, max(0, current + change))
        taken[cause.key] = new - current
        current = new
        after.append(current)
    return after


def random_causes(rng: random.Random, count: int, start: datetime) -> list[score.Cause]:
    """``count`` mixed causes for one member, at distinct moments, in no particular order."""
    found: list[score.Cause] = []
    reports: list[tuple[int, datetime]] = []
    for n in range(count):
        at = start + timedelta(seconds=n * 7 + rng.randrange(7))
        roll = rng.random()
        if roll < 0.55:
            found.append(score.review(n, rng.randint(1, 5), at))
        elif roll < 0.75:
            found.append(score.no_show(n, at))
        elif roll < 0.9:
            chosen = rng.choice([None, rng.randint(0, 12)])
            found.append(score.report_upheld(n, rng.choice(REPORT_TYPES), at, chosen))
            reports.append((n, at))
        elif roll < 0.97 and reports:
            report, _ = reports.pop(rng.randrange(len(reports)))
            found.append(score.appeal_reversal(report, at))
        else:
            found.append(score.suspension_end(n, at))
    return found
