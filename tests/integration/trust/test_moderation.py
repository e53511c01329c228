"""The moderation queue: review, uphold (the policy's amount by tier, or the admin's
choice), dismiss (nothing changes), automatic application, and the audit log."""

import uuid
from collections.abc import AsyncIterator

import pytest
from sqlalchemy import select

from mungmo.platform.db.append_only import AuditEntryImmutable
from mungmo.trust.models.moderation import ModerationAuditEntry
from tests.support.reporting import QUEUE, REPORTS, Reporting, reporting_app
from tests.support.stack import Stack


@pytest.fixture
async def reports(stack: Stack) -> AsyncIterator[Reporting]:
    async with reporting_app(stack) as app:
        yield app


async def _raise_to_exactly_70(reports: Reporting, member: uuid.UUID) -> None:
    for _ in range(13):
        await reports.driver.review(member, 5)  # +3 each below 70: 30 → 69
    await reports.driver.review(member, 1)  # +round(0.5) = +1: 69 → 70
    assert await reports.score(member) == 70


POLICY_CELLS = [("romance", False, 5), ("romance", True, 7), ("dog", False, 3), ("dog", True, 5)]


async def test_upholding_applies_exactly_the_policy_amount_by_tier(reports: Reporting) -> None:
    """Every cell of the policy table for reports, the upper tier from exactly 70."""
    for report_type, upper_tier, penalty in POLICY_CELLS:
        reporter, reported = await reports.member(), await reports.member()
        if upper_tier:
            await _raise_to_exactly_70(reports, reported)
        before = await reports.score(reported)
        report = await reports.filed(reporter, reported, report_type)
        detail = (
            await reports.client.get(f"{QUEUE}/{report['id']}", headers=reports.admin_headers())
        ).json()
        assert detail["fixed_penalty"] == penalty
        upheld = await reports.decide(report["id"], "uphold")
        assert upheld.status_code == 200, upheld.text
        assert upheld.json()["status"] == "resolved" and upheld.json()["penalty"] == penalty
        assert await reports.score(reported) == before - penalty, report_type
        (resolved,) = await reports.events("trust.ReportResolved", reported)
        assert resolved["outcome"] == "upheld" and resolved["penalty"] == penalty
        assert resolved["automatic"] is False
        history = (await reports.driver.history(reported))["items"]
        assert (history[0]["cause_kind"], history[0]["delta"]) == ("report_upheld", -penalty)


async def test_review_then_uphold_is_what_the_reporter_sees_and_is_audited(
    reports: Reporting,
) -> None:
    reporter, reported = await reports.member(), await reports.member()
    report = await reports.filed(reporter, reported, "romance")
    mine = f"{REPORTS}/{report['id']}"
    review = await reports.client.post(
        f"{QUEUE}/{report['id']}/review", headers=reports.admin_headers()
    )
    assert review.status_code == 200 and review.json()["status"] == "in_review"
    seen = await reports.client.get(mine, headers=reports.headers(reporter))
    assert seen.json()["status"] == "in_review"
    await reports.decide(report["id"], "uphold", note="사진으로 확인됨")
    seen = await reports.client.get(mine, headers=reports.headers(reporter))
    assert seen.json()["status"] == "resolved" and seen.json()["resolved_at"]
    # The reporter does not see the moderators' note.
    assert "resolution_note" not in seen.json() and "penalty" not in seen.json()

    entries = await reports.audit(reported)
    assert [(e["action"], e["actor_id"], e["actor_label"]) for e in entries] == [
        ("report_upheld", str(reports.admin), "admin"),
        ("review_started", str(reports.admin), "admin"),
    ]
    assert entries[0]["note"] == "사진으로 확인됨" and entries[0]["points"] == 5
    assert entries[0]["report_id"] == report["id"] and entries[0]["created_at"]
    again = await reports.decide(report["id"], "dismiss")
    assert again.status_code == 409 and again.json()["code"] == "trust.report_decided"
    assert len(await reports.audit(reported)) == 2


async def test_dismissing_changes_no_score(reports: Reporting) -> None:
    reporter, reported = await reports.member(), await reports.member()
    report = await reports.filed(reporter, reported, "romance")
    dismissed = await reports.decide(report["id"], "dismiss", note="증거 없음")
    assert dismissed.status_code == 200 and dismissed.json()["status"] == "dismissed"
    assert dismissed.json()["penalty"] is None
    assert await reports.score(reported) == 30
    assert (await reports.driver.history(reported))["items"] == []
    (resolved,) = await reports.events("trust.ReportResolved", reported)
    assert resolved["outcome"] == "dismissed" and resolved["penalty"] == 0
    seen = await reports.client.get(f"{REPORTS}/{report['id']}", headers=reports.headers(reporter))
    assert seen.json()["status"] == "dismissed"
    (entry,) = await reports.audit(reported)
    assert (entry["action"], entry["note"]) == ("report_dismissed", "증거 없음")


async def test_types_without_a_fixed_penalty_take_the_admins_choice(reports: Reporting) -> None:
    reporter, reported = await reports.member(), await reports.member()
    chosen = await reports.filed(reporter, reported, "abuse")
    detail = (
        await reports.client.get(f"{QUEUE}/{chosen['id']}", headers=reports.admin_headers())
    ).json()
    assert detail["fixed_penalty"] is None
    assert (await reports.decide(chosen["id"], "uphold", penalty=4)).json()["penalty"] == 4
    assert await reports.score(reported) == 26
    other_reporter = await reports.member()
    none = await reports.filed(other_reporter, reported, "spam")
    assert (await reports.decide(none["id"], "uphold")).json()["penalty"] == 0
    assert await reports.score(reported) == 26
    # A fixed-penalty type refuses a chosen amount, and the report stays open.
    third = await reports.member()
    fixed = await reports.filed(third, reported, "dog")
    refused = await reports.decide(fixed["id"], "uphold", penalty=10)
    assert refused.status_code == 422 and refused.json()["code"] == "trust.penalty_fixed"
    for bad in (-1, 101):
        refused = await reports.decide(none["id"], "uphold", penalty=bad)
        assert refused.status_code == 422
    assert await reports.score(reported) == 26
    queue = await reports.client.get(
        QUEUE, params={"status": "received", "type": "dog"}, headers=reports.admin_headers()
    )
    assert fixed["id"] in [item["id"] for item in queue.json()["items"]]


async def test_the_queue_filters_and_pages(reports: Reporting) -> None:
    reported = await reports.member()
    filed = [await reports.filed(await reports.member(), reported, "other") for _ in range(3)]
    await reports.decide(filed[0]["id"], "dismiss")
    ids: list[str] = []
    cursor = None
    while True:
        params = {"status": "received", "type": "other", "limit": 1}
        if cursor:
            params["cursor"] = cursor
        page = (
            await reports.client.get(QUEUE, params=params, headers=reports.admin_headers())
        ).json()
        ids += [item["id"] for item in page["items"] if item["reported_member_id"] == str(reported)]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert ids == [filed[1]["id"], filed[2]["id"]]
    dismissed = await reports.client.get(
        QUEUE, params={"status": "dismissed", "limit": 100}, headers=reports.admin_headers()
    )
    assert filed[0]["id"] in [item["id"] for item in dismissed.json()["items"]]
    bad = await reports.client.get(
        QUEUE, params={"status": "open"}, headers=reports.admin_headers()
    )
    assert bad.status_code == 422


async def test_the_detail_shows_the_reported_members_history(reports: Reporting) -> None:
    reported = await reports.member("문제견주")
    earlier = await reports.filed(await reports.member(), reported, "dog")
    await reports.decide(earlier["id"], "uphold")
    reporter = await reports.member()
    report = await reports.filed(reporter, reported, "abuse")
    detail = (
        await reports.client.get(f"{QUEUE}/{report['id']}", headers=reports.admin_headers())
    ).json()
    history = detail["reported_member"]
    assert history["nickname"] == "문제견주" and history["score"] == 27
    assert [r["id"] for r in history["earlier_reports"]] == [earlier["id"]]
    assert [(c["cause_kind"], c["delta"]) for c in history["score_changes"]] == [
        ("report_upheld", -3)
    ]
    assert history["active_suspension"] is None and history["ban"] is None
    assert detail["reporter_id"] == str(reporter) and detail["appeal"] is None


async def test_members_cannot_moderate(reports: Reporting) -> None:
    reporter, reported = await reports.member(), await reports.member()
    report = await reports.filed(reporter, reported, "romance")
    for member in (reporter, reported):
        headers = reports.headers(member)
        for action, body in (
            ("review", None),
            ("uphold", {"note": "x"}),
            ("dismiss", {"note": "x"}),
        ):
            refused = await reports.client.post(
                f"{QUEUE}/{report['id']}/{action}", json=body, headers=headers
            )
            assert refused.status_code == 403, action
        audit = await reports.client.get("/api/v1/admin/moderation-audit-entries", headers=headers)
        assert audit.status_code == 403
    seen = await reports.client.get(f"{REPORTS}/{report['id']}", headers=reports.headers(reporter))
    assert seen.json()["status"] == "received"
    assert await reports.score(reported) == 30


async def test_audit_entries_cannot_be_changed_or_removed(reports: Reporting) -> None:
    reporter, reported = await reports.member(), await reports.member()
    await reports.decide((await reports.filed(reporter, reported))["id"], "dismiss")
    database = next(m for m in reports.driver.app.runtime.modules if m.name == "trust").database
    for change in ("update", "delete"):
        async with database.session() as session:
            entry = await session.scalar(
                select(ModerationAuditEntry).where(ModerationAuditEntry.member_id == reported)
            )
            assert entry is not None
            if change == "update":
                entry.note = "고쳐 쓴 기록"
            else:
                await session.delete(entry)
            with pytest.raises(AuditEntryImmutable):
                await session.flush()
    (entry,) = await reports.audit(reported)
    assert entry["note"] == "증거를 확인했습니다."


async def test_automatic_application_upholds_on_filing(stack: Stack) -> None:
    async with reporting_app(stack, automatic_report_types=["romance"]) as reports:
        reporter, reported = await reports.member(), await reports.member()
        report = await reports.filed(reporter, reported, "romance")
        assert report["status"] == "resolved"
        assert await reports.score(reported) == 25
        (resolved,) = await reports.events("trust.ReportResolved", reported)
        assert resolved["automatic"] is True and resolved["penalty"] == 5
        (entry,) = await reports.audit(reported)
        assert (entry["action"], entry["actor_id"], entry["actor_label"]) == (
            "report_upheld",
            None,
            "policy",
        )
        # A repeat within the window joins it: no second penalty.
        again = await reports.file(reporter, reported, "romance", description="또 그랬어요.")
        assert again.status_code == 200 and again.json()["id"] == report["id"]
        assert await reports.score(reported) == 25
        # Other types still wait for review.
        other = await reports.filed(await reports.member(), reported, "abuse")
        assert other["status"] == "received"
