"""Filing reports: who may be reported, the merge window, the rate limit, evidence
ownership, and what the reporter (and no one else) sees."""

import uuid
from collections.abc import AsyncIterator

import pytest

from mungmo.contracts.identity import AccountDeleted
from mungmo.platform.clock import utc_now
from tests.support.reporting import QUEUE, REPORTS, Reporting, reporting_app
from tests.support.stack import Stack


@pytest.fixture
async def reports(stack: Stack) -> AsyncIterator[Reporting]:
    async with reporting_app(stack, reports_per_hour=5) as app:
        yield app


async def test_a_report_is_received_and_listed_for_its_reporter(reports: Reporting) -> None:
    reporter, reported = await reports.member(), await reports.member("산책왕")
    photo = await reports.evidence(reporter)
    clip = await reports.evidence(reporter, kind="video")
    report = await reports.filed(reporter, reported, "dog", evidence=[photo, clip])
    assert report["status"] == "received" and report["merged"] is False
    assert report["reported_nickname"] == "산책왕" and report["report_type"] == "dog"
    assert [s["description"] for s in report["statements"]] == [
        "산책 중에 계속 연락처를 물어봤어요."
    ]
    assert [(e["media_id"], e["kind"]) for e in report["evidence"]] == [
        (str(photo), "image"),
        (str(clip), "video"),
    ]
    assert report["evidence"][1]["duration_ms"] == 4200
    assert report["evidence"][1]["poster_url"] == f"/api/v1/media/{clip}/poster"
    assert report["evidence"][0]["url"] == f"/api/v1/media/{photo}/file"

    mine = await reports.client.get(REPORTS, headers=reports.headers(reporter))
    assert [item["id"] for item in mine.json()["items"]] == [report["id"]]
    one = await reports.client.get(f"{REPORTS}/{report['id']}", headers=reports.headers(reporter))
    assert one.status_code == 200 and one.json()["status"] == "received"
    (filed,) = await reports.events("trust.ReportFiled", reported)
    assert filed["report_id"] == report["id"] and filed["reporter_id"] == str(reporter)
    assert filed["report_type"] == "dog"
    (queued,) = (
        await reports.client.get(
            QUEUE, params={"status": "received", "type": "dog"}, headers=reports.admin_headers()
        )
    ).json()["items"][-1:]
    assert queued["id"] == report["id"] and queued["evidence_count"] == 2


async def test_oneself_deleted_and_unknown_members_cannot_be_reported(
    reports: Reporting,
) -> None:
    reporter, gone = await reports.member(), await reports.member()
    refused = await reports.file(reporter, reporter)
    assert refused.status_code == 422
    assert refused.headers["content-type"] == "application/problem+json"
    assert refused.json()["code"] == "trust.cannot_report_self"
    await reports.driver.publish(AccountDeleted(account_id=gone, deleted_at=utc_now()), key=gone)
    deleted = await reports.file(reporter, gone)
    assert deleted.status_code == 409 and deleted.json()["code"] == "trust.member_deleted"
    unknown = await reports.file(reporter, uuid.uuid4())
    assert unknown.status_code == 404 and unknown.json()["code"] == "trust.member_not_found"
    assert (await reports.client.get(REPORTS, headers=reports.headers(reporter))).json()[
        "items"
    ] == []


async def test_a_deleted_reporters_report_stays_without_their_nickname_or_evidence(
    reports: Reporting,
) -> None:
    reporter, reported = await reports.member(), await reports.member()
    report = await reports.filed(reporter, reported, evidence=[await reports.evidence(reporter)])
    await reports.driver.publish(
        AccountDeleted(account_id=reporter, deleted_at=utc_now()), key=reporter
    )
    detail = await reports.client.get(f"{QUEUE}/{report['id']}", headers=reports.admin_headers())
    assert detail.status_code == 200
    assert detail.json()["reporter_nickname"] is None and detail.json()["evidence"] == []
    assert detail.json()["reported_nickname"] is not None


async def test_evidence_must_be_the_reporters_own_evidence_upload(reports: Reporting) -> None:
    reporter = await reports.member()
    reported = await reports.member()
    other = await reports.member()
    theirs = await reports.evidence(other)
    profile_photo = await reports.evidence(reporter, purpose="profile_photo")
    for media_id in (theirs, profile_photo, uuid.uuid4()):
        refused = await reports.file(reporter, reported, evidence=[media_id])
        assert refused.status_code == 422, refused.text
        assert refused.json()["code"] == "trust.evidence_not_found"
    mine = await reports.evidence(reporter)
    await reports.filed(reporter, reported, evidence=[mine])
    # A file is evidence of one report only.
    third = await reports.member()
    reused = await reports.file(reporter, third, evidence=[mine])
    assert reused.status_code == 409 and reused.json()["code"] == "trust.evidence_in_use"
    duplicated = await reports.file(reporter, third, evidence=[mine, mine])
    assert duplicated.status_code == 422


async def test_repeat_reports_within_the_window_are_merged(reports: Reporting) -> None:
    reporter, reported = await reports.member(), await reports.member()
    first_photo, second_photo = await reports.evidence(reporter), await reports.evidence(reporter)
    first = await reports.filed(reporter, reported, "abuse", evidence=[first_photo])
    again = await reports.file(
        reporter,
        reported,
        "spam",
        description="또 욕설 메시지를 보냈어요.",
        evidence=[second_photo],
    )
    assert again.status_code == 200, again.text
    merged = again.json()
    assert merged["merged"] is True and merged["id"] == first["id"]
    assert merged["report_type"] == "abuse"
    assert [(s["report_type"], s["description"]) for s in merged["statements"]] == [
        ("abuse", "산책 중에 계속 연락처를 물어봤어요."),
        ("spam", "또 욕설 메시지를 보냈어요."),
    ]
    assert [e["media_id"] for e in merged["evidence"]] == [str(first_photo), str(second_photo)]
    listed = await reports.client.get(REPORTS, headers=reports.headers(reporter))
    assert [item["id"] for item in listed.json()["items"]] == [first["id"]]
    # Another reporter about the same member files their own report.
    other = await reports.member()
    separate = await reports.filed(other, reported, "abuse")
    assert separate["id"] != first["id"]


async def test_after_the_window_or_a_decision_a_new_report_opens(stack: Stack) -> None:
    async with reporting_app(stack, report_merge_hours=0) as reports:
        reporter, reported = await reports.member(), await reports.member()
        first = await reports.filed(reporter, reported, "abuse")
        second = await reports.filed(reporter, reported, "abuse")
        assert second["id"] != first["id"]
    async with reporting_app(stack) as reports:
        reporter, reported = await reports.member(), await reports.member()
        first = await reports.filed(reporter, reported, "abuse")
        dismissed = await reports.decide(first["id"], "dismiss")
        assert dismissed.status_code == 200, dismissed.text
        again = await reports.filed(reporter, reported, "abuse")
        assert again["id"] != first["id"] and again["merged"] is False


async def test_filing_is_rate_limited_per_reporter(reports: Reporting) -> None:
    reporter, others = await reports.member(), [await reports.member() for _ in range(6)]
    for reported in others[:5]:
        await reports.filed(reporter, reported, "other")
    limited = await reports.file(reporter, others[5], "other")
    assert limited.status_code == 429 and limited.json()["code"] == "rate_limited"
    assert limited.headers["retry-after"]
    assert (
        len((await reports.client.get(REPORTS, headers=reports.headers(reporter))).json()["items"])
        == 5
    )
    # Another reporter has their own budget.
    assert (await reports.file(others[0], others[5], "other")).status_code == 201


async def test_reports_and_evidence_are_the_reporters_and_admins_only(
    reports: Reporting,
) -> None:
    reporter, reported, stranger = (
        await reports.member(),
        await reports.member(),
        await reports.member(),
    )
    report = await reports.filed(reporter, reported, evidence=[await reports.evidence(reporter)])
    for member in (reported, stranger):
        read = await reports.client.get(
            f"{REPORTS}/{report['id']}", headers=reports.headers(member)
        )
        assert read.status_code == 404 and read.json()["code"] == "trust.report_not_found"
        assert (await reports.client.get(REPORTS, headers=reports.headers(member))).json()[
            "items"
        ] == []
        for path in (QUEUE, f"{QUEUE}/{report['id']}", "/api/v1/admin/bans"):
            forbidden = await reports.client.get(path, headers=reports.headers(member))
            assert forbidden.status_code == 403, path
    detail = await reports.client.get(f"{QUEUE}/{report['id']}", headers=reports.admin_headers())
    assert detail.status_code == 200 and len(detail.json()["evidence"]) == 1
    anonymous = await reports.client.get(f"{REPORTS}/{report['id']}")
    assert anonymous.status_code == 401


async def test_bad_filings_change_nothing(reports: Reporting) -> None:
    reporter, reported = await reports.member(), await reports.member()
    bodies = [
        {"reported_member_id": str(reported), "report_type": "rude", "description": "x"},
        {"reported_member_id": str(reported), "report_type": "dog", "description": "  "},
        {"reported_member_id": str(reported), "report_type": "dog", "description": "x" * 2001},
        {
            "reported_member_id": str(reported),
            "report_type": "dog",
            "description": "x",
            "evidence_media_ids": [str(uuid.uuid4()) for _ in range(11)],
        },
    ]
    for body in bodies:
        refused = await reports.client.post(REPORTS, json=body, headers=reports.headers(reporter))
        assert refused.status_code == 422, body
        assert refused.headers["content-type"] == "application/problem+json"
    newcomer = reports.driver.headers(reporter, onboarded=False)
    gated = await reports.client.post(REPORTS, json=bodies[0], headers=newcomer)
    assert gated.status_code == 403
    assert (await reports.client.get(REPORTS, headers=reports.headers(reporter))).json()[
        "items"
    ] == []
