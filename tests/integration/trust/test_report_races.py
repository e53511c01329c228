"""Concurrent filings and decisions (meaningful on MariaDB, --stack=real): repeats by
one reporter merge into one report, and a report or an appeal is decided once."""

import asyncio
import uuid
from collections import Counter
from collections.abc import AsyncIterator

import httpx
import pytest

from tests.support.reporting import ADMIN_APPEALS, APPEALS, REPORTS, Reporting, reporting_app
from tests.support.stack import Stack


@pytest.fixture
async def reports(stack: Stack) -> AsyncIterator[Reporting]:
    async with reporting_app(stack, reports_per_hour=100) as app:
        yield app


def _statuses(responses: list[httpx.Response]) -> Counter[int]:
    return Counter(response.status_code for response in responses)


async def test_concurrent_repeat_filings_merge_into_one_report(reports: Reporting) -> None:
    reporter, reported = await reports.member(), await reports.member()
    filings = await asyncio.gather(
        *(reports.file(reporter, reported, "abuse", description=f"{n}번째") for n in range(5))
    )
    assert _statuses(filings) == {201: 1, 200: 4}, [f.text for f in filings]
    (report,) = (await reports.client.get(REPORTS, headers=reports.headers(reporter))).json()[
        "items"
    ]
    assert sorted(s["description"] for s in report["statements"]) == [f"{n}번째" for n in range(5)]
    assert len(await reports.events("trust.ReportFiled", reported)) == 1


async def test_concurrent_decisions_apply_once(reports: Reporting) -> None:
    reported = await reports.member()
    report = await reports.filed(await reports.member(), reported, "romance")
    decisions = await asyncio.gather(
        *(reports.decide(report["id"], "uphold") for _ in range(3)),
        *(reports.decide(report["id"], "dismiss") for _ in range(2)),
    )
    assert _statuses(decisions) == {200: 1, 409: 2 + 2}, [d.text for d in decisions]
    (decided,) = [d.json() for d in decisions if d.status_code == 200]
    expected = 25 if decided["status"] == "resolved" else 30
    assert await reports.score(reported) == expected
    assert len(await reports.audit(reported)) == 1
    assert len(await reports.events("trust.ReportResolved", reported)) == 1


async def test_concurrent_upholds_of_different_reports_each_apply(reports: Reporting) -> None:
    reported = await reports.member()
    filed = [await reports.filed(await reports.member(), reported, "romance") for _ in range(3)]
    decisions = await asyncio.gather(*(reports.decide(r["id"], "uphold") for r in filed))
    assert _statuses(decisions) == {200: 3}, [d.text for d in decisions]
    assert await reports.score(reported) == 15  # 30 − 5 × 3, all below 70
    assert len(await reports.events("trust.ReportResolved", reported)) == 3


async def test_an_appeal_is_filed_and_decided_once(reports: Reporting) -> None:
    reported = await reports.member()
    report = await reports.filed(await reports.member(), reported, "romance")
    await reports.decide(report["id"], "uphold")
    body = {"report_id": report["id"], "text": "사실이 아니에요."}
    appeals = await asyncio.gather(
        *(
            reports.client.post(APPEALS, json=body, headers=reports.headers(reported))
            for _ in range(4)
        )
    )
    assert _statuses(appeals) == {201: 1, 409: 3}, [a.text for a in appeals]
    (appeal,) = [a.json() for a in appeals if a.status_code == 201]

    async def decide(decision: str) -> httpx.Response:
        return await reports.client.post(
            f"{ADMIN_APPEALS}/{appeal['id']}/{decision}",
            json={"note": "확인"},
            headers=reports.admin_headers(),
        )

    decisions = await asyncio.gather(*(decide("accept") for _ in range(3)), decide("reject"))
    assert _statuses(decisions) == {200: 1, 409: 3}, [d.text for d in decisions]
    (decided,) = [d.json() for d in decisions if d.status_code == 200]
    assert await reports.score(reported) == (30 if decided["status"] == "accepted" else 25)
    assert len(await reports.events("trust.AppealDecided", reported)) == 1
    assert uuid.UUID(decided["id"]) == uuid.UUID(appeal["id"])
