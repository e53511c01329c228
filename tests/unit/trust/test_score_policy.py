"""SPEC §3's policy table, cell by cell, with the bounds, the tier boundary at exactly
70 and rounding half up."""

from datetime import UTC, datetime, timedelta

import pytest

from mungmo.trust.domain import score
from mungmo.trust.domain.score import Tier, fold, round_half_up, step, tier_of

AT = datetime(2026, 12, 1, tzinfo=UTC)


def after(start: int, cause: score.Cause) -> int:
    return step(start, cause, {}).score_after


@pytest.mark.parametrize(("report_type", "below", "above"), [("romance", -5, -7), ("dog", -3, -5)])
def test_an_upheld_report_with_a_fixed_penalty_takes_the_tables_points(
    report_type: score.ReportType, below: int, above: int
) -> None:
    upheld = score.report_upheld("r", report_type, AT)
    assert after(50, upheld) - 50 == below
    assert after(80, upheld) - 80 == above
    # The administrator cannot choose another amount for these types.
    assert after(50, score.report_upheld("r", report_type, AT, chosen_penalty=20)) - 50 == below


@pytest.mark.parametrize(
    ("stars", "below", "above"), [(1, 1, 0), (2, 1, 1), (3, 2, 1), (4, 2, 1), (5, 3, 2)]
)
def test_a_review_adds_stars_over_two_below_70_and_over_three_from_70_rounded_half_up(
    stars: int, below: int, above: int
) -> None:
    assert after(40, score.review("v", stars, AT)) - 40 == below
    assert after(75, score.review("v", stars, AT)) - 75 == above


def test_a_no_show_takes_three_below_70_and_five_from_70() -> None:
    assert after(40, score.no_show("m", AT)) == 37
    assert after(75, score.no_show("m", AT)) == 70


@pytest.mark.parametrize("report_type", ["no_show", "abuse", "spam", "other"])
def test_other_report_types_take_the_chosen_penalty_or_none(
    report_type: score.ReportType,
) -> None:
    assert after(50, score.report_upheld("r", report_type, AT, chosen_penalty=4)) == 46
    assert after(80, score.report_upheld("r", report_type, AT, chosen_penalty=4)) == 76
    assert after(50, score.report_upheld("r", report_type, AT)) == 50
    with pytest.raises(ValueError, match="chosen penalty"):
        after(50, score.report_upheld("r", report_type, AT, chosen_penalty=-1))


def test_the_tier_is_the_score_before_the_change_and_70_is_the_upper_tier() -> None:
    assert tier_of(69) is Tier.LOWER
    assert tier_of(70) is Tier.UPPER
    assert after(69, score.review("v", 5, AT)) == 72  # +3: decided at 69
    assert after(70, score.review("v", 5, AT)) == 72  # +2: decided at 70
    assert after(70, score.no_show("m", AT)) == 65  # -5 at 70, though it lands below
    assert after(69, score.no_show("m", AT)) == 66
    assert after(71, score.report_upheld("r", "romance", AT)) == 64
    assert after(69, score.report_upheld("r", "romance", AT)) == 64


def test_rounding_is_half_up_not_to_even() -> None:
    assert [round_half_up(n, 2) for n in range(1, 6)] == [1, 1, 2, 2, 3]
    assert [round_half_up(n, 3) for n in range(1, 6)] == [0, 1, 1, 1, 2]
    assert round(2.5) == 2 and round_half_up(5, 2) == 3  # Python's round() would say 2


def test_the_score_starts_at_30_and_stays_within_0_and_100() -> None:
    assert fold([]).score == 30
    assert after(99, score.review("v", 5, AT)) == 100
    assert after(100, score.review("v", 5, AT)) == 100
    assert after(2, score.report_upheld("r", "romance", AT)) == 0
    assert after(0, score.no_show("m", AT)) == 0


def test_the_end_of_a_suspension_sets_the_score_to_10() -> None:
    assert after(0, score.suspension_end("s", AT)) == 10
    assert after(3, score.suspension_end("s", AT)) == 10


def test_about_30_five_star_meetups_take_a_new_member_from_30_to_100() -> None:
    reviews = [score.review(n, 5, AT + timedelta(minutes=n)) for n in range(40)]
    scores = [s.score_after for _, s in fold(reviews).steps]
    assert 25 <= scores.index(100) + 1 <= 35


def test_an_appeal_gives_back_what_the_penalty_actually_took() -> None:
    ledger = fold(
        [
            score.report_upheld("r", "romance", AT.replace(hour=1)),
            score.appeal_reversal("r", AT.replace(hour=2)),
        ],
        start=3,
    )
    assert [s.delta for _, s in ledger.steps] == [-3, 3]
    assert ledger.score == 3


def test_a_cause_counts_once_and_causes_apply_in_cause_order() -> None:
    first, second = score.review("a", 5, AT), score.review("b", 5, AT + timedelta(hours=1))
    shuffled = fold([second, first, score.review("a", 1, AT)], start=68)
    assert [c.key for c, _ in shuffled.steps] == ["review:a", "review:b"]
    assert shuffled.score == 68 + 3 + 2
