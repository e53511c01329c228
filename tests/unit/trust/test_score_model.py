"""Property: the domain's fold of causes equals the independent reference model, for any
causes in any order with repeats (the service test runs fewer examples through the
database; this one runs many, without I/O)."""

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from mungmo.trust.domain import score
from mungmo.trust.domain.score import HIGHEST_SCORE, LOWEST_SCORE, fold
from tests.support.trust_reference import REPORT_TYPES, reference

EPOCH = datetime(2026, 12, 1, tzinfo=UTC)


def _cause(n: int, kind: str, minute: int, stars: int, chosen: int | None) -> score.Cause:
    at = EPOCH + timedelta(minutes=minute)
    match kind:
        case "review":
            return score.review(n, stars, at)
        case "no_show":
            return score.no_show(n, at)
        case "end":
            return score.suspension_end(n, at)
        case _:
            return score.report_upheld(n, REPORT_TYPES[stars % len(REPORT_TYPES)], at, chosen)


causes = st.lists(
    st.builds(
        _cause,
        n=st.integers(min_value=0, max_value=40),  # repeats share a key: the first counts
        kind=st.sampled_from(["review", "review", "no_show", "report", "end"]),
        minute=st.integers(min_value=0, max_value=300),
        stars=st.integers(min_value=1, max_value=5),
        chosen=st.none() | st.integers(min_value=0, max_value=12),
    ),
    min_size=1,
    max_size=60,
)


@settings(max_examples=200, deadline=None)
@given(sent=causes, data=st.data())
def test_the_fold_matches_the_reference_in_any_arrival_order(
    sent: list[score.Cause], data: st.DataObject
) -> None:
    # Appeals reverse reports that exist, a little after them.
    reports = [c for c in sent if c.kind == "report_upheld"]
    appealed = data.draw(st.lists(st.sampled_from(reports), unique=True)) if reports else []
    appeals = [
        score.appeal_reversal(c.key.removeprefix("report:"), c.occurred_at + timedelta(minutes=1))
        for c in appealed
    ]
    arrivals = data.draw(st.permutations(sent + appeals))
    ledger = fold(arrivals)
    first = {c.key: c for c in reversed(arrivals)}
    assert [step.score_after for _, step in ledger.steps] == reference(list(first.values()))
    assert all(LOWEST_SCORE <= step.score_after <= HIGHEST_SCORE for _, step in ledger.steps)
