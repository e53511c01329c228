"""Meetup reviews and no-shows move the 발도장 through the trust service's consumer:
each cause once, in cause order, and the member's history says why."""

import uuid
from datetime import timedelta

from mungmo.contracts.meetup import MeetupReviewSubmitted
from mungmo.platform.clock import utc_now
from mungmo.trust.domain import score
from mungmo.trust.domain.score import fold
from mungmo.trust.service.scoring import apply_score_cause
from tests.support.trust_app import TrustDriver


async def test_reviews_and_no_shows_change_the_score_and_the_history_says_why(
    trust: TrustDriver,
) -> None:
    member = uuid.uuid4()
    assert (await trust.score(member))["score"] == 30
    await trust.review(member, 5)
    await trust.no_show(member)
    assert await trust.score(member) == {
        "member_id": str(member),
        "score": 30,
        "tier": "lower",
        "suspended_until": None,
    }
    history = (await trust.history(member))["items"]
    assert [(h["cause_kind"], h["delta"], h["score_after"]) for h in history] == [
        ("no_show", -3, 30),
        ("review", 3, 33),
    ]
    assert history[1]["stars"] == 5
    assert history[1]["sentence_ko"].startswith(
        "번개 미팅 후기에서 별 5개를 받아 발도장이 3점 올랐어요"
    )
    assert "went up 3 points (30 → 33)" in history[1]["sentence_en"]
    assert "노쇼" in history[0]["sentence_ko"] and "no-show" in history[0]["sentence_en"]


async def test_a_redelivered_event_and_a_changed_rating_count_once(trust: TrustDriver) -> None:
    member, review_id = uuid.uuid4(), uuid.uuid4()
    event = MeetupReviewSubmitted(
        review_id=review_id,
        meetup_id=uuid.uuid4(),
        reviewer_id=uuid.uuid4(),
        member_id=member,
        stars=4,
        submitted_at=utc_now(),
    )
    first = await trust.publish(event, key=event.meetup_id)
    # The same envelope again (a relay re-publishing): the inbox drops it.
    await trust.publish(event, key=event.meetup_id, event_id=first)
    # The rating changed within 24 hours: the same review id, published anew.
    changed = event.model_copy(update={"stars": 5, "submitted_at": utc_now()})
    await trust.publish(changed, key=event.meetup_id)
    assert (await trust.score(member))["score"] == 32
    assert len((await trust.history(member))["items"]) == 1


async def test_a_late_cause_takes_its_place_in_cause_order(trust: TrustDriver) -> None:
    """At 68, a 5-star review (+3, tier below 70) then a no-show (-5 at 71): 66. The
    review arriving after the no-show must not change that."""
    member = uuid.uuid4()
    start = utc_now() - timedelta(hours=1)
    times = [start + timedelta(minutes=n) for n in range(4)]
    await trust.review(member, 5, at=times[0])  # 33
    await trust.review(member, 5, at=times[1])  # 36
    await trust.no_show(member, at=times[3])  # arrives before the older review below
    await trust.review(member, 4, at=times[2])
    reference = fold(
        [
            score.review("a", 5, times[0]),
            score.review("b", 5, times[1]),
            score.review("c", 4, times[2]),
            score.no_show("m", times[3]),
        ]
    )
    assert reference.score == 35
    assert (await trust.score(member))["score"] == reference.score
    history = (await trust.history(member))["items"]
    assert [h["cause_kind"] for h in history] == ["no_show", "review", "review", "review"]
    assert [h["score_after"] for h in history] == [35, 38, 36, 33]


async def test_the_history_is_paginated_newest_first(trust: TrustDriver) -> None:
    member = uuid.uuid4()
    start = utc_now() - timedelta(hours=1)
    for n in range(5):
        await trust.review(member, 2, at=start + timedelta(minutes=n))
    first = await trust.history(member, limit=2)
    second = await trust.history(member, limit=2, cursor=first["next_cursor"])
    third = await trust.history(member, limit=2, cursor=second["next_cursor"])
    scores = [h["score_after"] for page in (first, second, third) for h in page["items"]]
    assert scores == [35, 34, 33, 32, 31]
    assert third["next_cursor"] is None


async def test_nobody_reads_another_members_score_or_history_but_administrators_do(
    trust: TrustDriver,
) -> None:
    member, other = uuid.uuid4(), uuid.uuid4()
    await trust.review(member, 5)
    # My own history never shows another member's changes.
    assert (await trust.history(other))["items"] == []
    for path in (f"/api/v1/trust-scores/{member}", f"/api/v1/trust-scores/{member}/history"):
        refused = await trust.client.get(path, headers=trust.headers(other))
        assert refused.status_code == 403, refused.text
        assert refused.headers["content-type"] == "application/problem+json"
        assert (await trust.client.get(path)).status_code == 401
    seen = await trust.client.get(
        f"/api/v1/trust-scores/{member}/history", headers=trust.admin_headers()
    )
    assert [h["score_after"] for h in seen.json()["items"]] == [33]
    card = await trust.client.get(f"/api/v1/trust-scores/{member}", headers=trust.admin_headers())
    assert card.json()["score"] == 33


async def test_an_upheld_report_and_the_appeal_that_reversed_it_name_the_report(
    trust: TrustDriver,
) -> None:
    """Moderation applies these through ``apply_score_cause`` in its own transaction."""
    member, report_id = uuid.uuid4(), uuid.uuid4()
    now = utc_now()
    async with trust.trust.uow() as uow:
        upheld = score.report_upheld(report_id, "romance", now - timedelta(minutes=2))
        await apply_score_cause(uow, member, upheld, policy=trust.trust.policy)
        reversal = score.appeal_reversal(report_id, now - timedelta(minutes=1))
        await apply_score_cause(uow, member, reversal, policy=trust.trust.policy)
        assert await apply_score_cause(uow, member, reversal, policy=trust.trust.policy) is None
        await uow.commit()
    appeal, report = (await trust.history(member))["items"]
    assert (report["cause_kind"], report["delta"], report["report_type"]) == (
        "report_upheld",
        -5,
        "romance",
    )
    assert (appeal["cause_kind"], appeal["delta"]) == ("appeal_reversal", 5)
    assert report["report_id"] == appeal["report_id"] == str(report_id)
    assert (
        "신고(이성 문제)가 관리자 검토로 인정되어 발도장이 5점 내려갔어요" in report["sentence_ko"]
    )
    assert "이의 신청이 받아들여져" in appeal["sentence_ko"]
    assert "appeal was accepted" in appeal["sentence_en"]
