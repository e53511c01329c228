"""Appeals: once per upheld report, by the reported member only; an accepted appeal
gives back exactly that report's penalty and nothing else; a rejected one changes
nothing. Suspensions and their lifting show in the admin's sanctions list."""

import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from tests.support.reporting import ADMIN_APPEALS, APPEALS, QUEUE, Reporting, reporting_app
from tests.support.stack import Stack


@pytest.fixture
async def reports(stack: Stack) -> AsyncIterator[Reporting]:
    async with reporting_app(stack) as app:
        yield app


async def _upheld(reports: Reporting, reported: uuid.UUID, report_type: str = "romance") -> str:
    report = await reports.filed(await reports.member(), reported, report_type)
    assert (await reports.decide(report["id"], "uphold")).status_code == 200
    report_id: str = report["id"]
    return report_id


async def _appeal(reports: Reporting, member: uuid.UUID, report_id: str) -> httpx.Response:
    return await reports.client.post(
        APPEALS,
        json={"report_id": report_id, "text": "그날은 제가 아니라 동생이 산책시켰어요."},
        headers=reports.headers(member),
    )


async def _decide(reports: Reporting, appeal_id: str, decision: str) -> httpx.Response:
    return await reports.client.post(
        f"{ADMIN_APPEALS}/{appeal_id}/{decision}",
        json={"note": "소명 자료 확인"},
        headers=reports.admin_headers(),
    )


async def test_an_accepted_appeal_restores_exactly_that_penalty(reports: Reporting) -> None:
    reported = await reports.member()
    for _ in range(14):
        await reports.driver.review(reported, 5)  # 30 → 72 (upper tier from 70)
    appealed = await _upheld(reports, reported, "romance")  # −7 → 65
    kept = await _upheld(reports, reported, "dog")  # −3 → 62 (lower tier now)
    await reports.driver.review(reported, 4)  # +2 → 64
    assert await reports.score(reported) == 64

    filed = await _appeal(reports, reported, appealed)
    assert filed.status_code == 201, filed.text
    appeal = filed.json()
    assert appeal["status"] == "pending" and appeal["report_type"] == "romance"
    mine = await reports.client.get(APPEALS, headers=reports.headers(reported))
    assert [a["id"] for a in mine.json()["items"]] == [appeal["id"]]
    queue = await reports.client.get(
        ADMIN_APPEALS, params={"status": "pending"}, headers=reports.admin_headers()
    )
    assert appeal["id"] in [a["id"] for a in queue.json()["items"]]

    accepted = await _decide(reports, appeal["id"], "accept")
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["status"] == "accepted" and accepted.json()["restored"] == 7
    # Exactly the 7 points come back; the dog report and the review stay.
    assert await reports.score(reported) == 71
    history = (await reports.driver.history(reported))["items"]
    assert (history[0]["cause_kind"], history[0]["delta"]) == ("appeal_reversal", 7)
    assert [h["cause_kind"] for h in history].count("report_upheld") == 2
    (decided,) = await reports.events("trust.AppealDecided", reported)
    assert decided["outcome"] == "accepted" and decided["restored"] == 7
    assert decided["report_id"] == appealed
    entry = (await reports.audit(reported))[0]
    assert (entry["action"], entry["points"], entry["appeal_id"]) == (
        "appeal_accepted",
        7,
        appeal["id"],
    )

    again = await _decide(reports, appeal["id"], "reject")
    assert again.status_code == 409 and again.json()["code"] == "trust.appeal_decided"
    twice = await _appeal(reports, reported, appealed)
    assert twice.status_code == 409 and twice.json()["code"] == "trust.appeal_exists"
    assert await reports.score(reported) == 71
    detail = await reports.client.get(f"{QUEUE}/{appealed}", headers=reports.admin_headers())
    assert detail.json()["appeal"]["status"] == "accepted"
    other = await reports.client.get(f"{QUEUE}/{kept}", headers=reports.admin_headers())
    assert (other.json()["penalty"], other.json()["appeal"]) == (3, None)


async def test_a_rejected_appeal_changes_nothing_and_is_once_only(reports: Reporting) -> None:
    reported = await reports.member()
    report_id = await _upheld(reports, reported, "dog")
    assert await reports.score(reported) == 27
    appeal = (await _appeal(reports, reported, report_id)).json()
    rejected = await _decide(reports, appeal["id"], "reject")
    assert rejected.status_code == 200 and rejected.json()["status"] == "rejected"
    assert rejected.json()["restored"] is None
    assert await reports.score(reported) == 27
    (decided,) = await reports.events("trust.AppealDecided", reported)
    assert decided["outcome"] == "rejected" and decided["restored"] == 0
    once = await _appeal(reports, reported, report_id)
    assert once.status_code == 409 and once.json()["code"] == "trust.appeal_exists"
    assert (await reports.audit(reported))[0]["action"] == "appeal_rejected"


async def test_only_the_reported_member_appeals_only_upheld_reports(reports: Reporting) -> None:
    reporter, reported = await reports.member(), await reports.member()
    open_report = await reports.filed(reporter, reported, "romance")
    dismissed = await reports.filed(await reports.member(), reported, "dog")
    await reports.decide(dismissed["id"], "dismiss")
    upheld = await _upheld(reports, reported)
    for member, report_id in (
        (reported, open_report["id"]),
        (reported, dismissed["id"]),
        (reporter, upheld),
        (reported, str(uuid.uuid4())),
    ):
        refused = await _appeal(reports, member, report_id)
        assert refused.status_code == 403, refused.text
        assert refused.json()["code"] == "trust.appeal_not_allowed"
    assert (await reports.client.get(APPEALS, headers=reports.headers(reported))).json()[
        "items"
    ] == []
    too_long = await reports.client.post(
        APPEALS,
        json={"report_id": upheld, "text": "가" * 2001},
        headers=reports.headers(reported),
    )
    assert too_long.status_code == 422


async def test_members_cannot_decide_appeals(reports: Reporting) -> None:
    reported = await reports.member()
    appeal = (await _appeal(reports, reported, await _upheld(reports, reported))).json()
    for member in (reported, await reports.member()):
        headers = reports.headers(member)
        for decision in ("accept", "reject"):
            refused = await reports.client.post(
                f"{ADMIN_APPEALS}/{appeal['id']}/{decision}", json={"note": "x"}, headers=headers
            )
            assert refused.status_code == 403
        assert (await reports.client.get(ADMIN_APPEALS, headers=headers)).status_code == 403
    assert await reports.score(reported) == 25
    listed = await reports.client.get(APPEALS, headers=reports.headers(reported))
    assert listed.json()["items"][0]["status"] == "pending"


async def _suspended_ids(reports: Reporting) -> list[str]:
    response = await reports.client.get(
        "/api/v1/admin/suspensions", params={"limit": 100}, headers=reports.admin_headers()
    )
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return [item["member_id"] for item in items]


async def test_suspensions_are_listed_and_an_accepted_appeal_of_the_cause_lifts_it(
    reports: Reporting,
) -> None:
    reported = await reports.member("정지될회원")
    last = ""
    for _ in range(6):
        last = await _upheld(reports, reported)  # −5 each: 30 → 0
    assert await reports.score(reported) == 0
    assert str(reported) in await _suspended_ids(reports)
    page = await reports.client.get("/api/v1/admin/suspensions", headers=reports.admin_headers())
    (listed,) = [s for s in page.json()["items"] if s["member_id"] == str(reported)]
    assert listed["nickname"] == "정지될회원" and listed["ends_at"] > listed["started_at"]
    detail = await reports.client.get(f"{QUEUE}/{last}", headers=reports.admin_headers())
    assert detail.json()["reported_member"]["active_suspension"]["id"] == listed["id"]
    forbidden = await reports.client.get(
        "/api/v1/admin/suspensions", headers=reports.headers(reported)
    )
    assert forbidden.status_code == 403

    # A suspended member can still appeal; accepting the report that reached 0 lifts it.
    appeal = await _appeal(reports, reported, last)
    assert appeal.status_code == 201, appeal.text
    assert (await _decide(reports, appeal.json()["id"], "accept")).json()["restored"] == 5
    assert await reports.score(reported) == 5
    assert str(reported) not in await _suspended_ids(reports)
