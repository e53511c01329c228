"""Reaching 0 suspends a member for 30 days: they log in and read, and every write of
every service is refused with ``trust.suspended`` and the end date. At the end a
durable job sets the score to 10 and writes are accepted again."""

import re
import uuid
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute, iter_route_contexts

from mungmo.platform.auth import current_account
from mungmo.platform.clock import utc_now
from tests.support.app import running_app
from tests.support.polling import eventually
from tests.support.stack import Stack
from tests.support.trust_app import TrustDriver

WRITES = {"POST", "PUT", "PATCH", "DELETE"}


def _needs_token(dependant: Dependant) -> bool:
    return any(sub.call is current_account or _needs_token(sub) for sub in dependant.dependencies)


def authenticated_writes(app: FastAPI) -> list[tuple[str, str, bool]]:
    """(method, path, allowed while suspended) for every write that takes a token."""
    found = []
    for context in iter_route_contexts(app.routes):
        route = context.original_route
        if isinstance(route, APIRoute) and _needs_token(route.dependant):
            allowed = bool((route.openapi_extra or {}).get("x-mungmo-allowed-while-suspended"))
            path = re.sub(r"\{[^}]+\}", lambda _: str(uuid.uuid4()), str(context.path))
            found += [(method, path, allowed) for method in sorted(route.methods & WRITES)]
    return found


async def suspend(trust: TrustDriver, member: uuid.UUID) -> dict[str, Any]:
    """Ten no-shows take a new member from 30 to 0; waits until the deny list knows."""
    start = utc_now() - timedelta(hours=1)
    for n in range(10):
        await trust.no_show(member, at=start + timedelta(minutes=n))

    async def refused() -> int:
        response = await trust.client.patch(
            "/api/v1/members/me", json={}, headers=trust.headers(member)
        )
        return response.status_code

    await eventually(refused, until=lambda status: status == 403)
    return await trust.score(member)


@pytest.fixture
async def quick(stack: Stack) -> AsyncIterator[TrustDriver]:
    """Suspensions of four seconds, and deny lists reloaded often."""
    async with running_app(
        stack,
        trust={"suspension_days": 4 / 86_400},
        jobs_poll_seconds=0.05,
        auth_deny_list_refresh_seconds=0.05,
    ) as app:
        yield TrustDriver(app, stack.topic_prefix)


async def test_a_suspended_member_reads_but_every_write_of_every_service_is_refused(
    stack: Stack,
) -> None:
    async with running_app(stack, auth_deny_list_refresh_seconds=0.05) as app:
        trust = TrustDriver(app, stack.topic_prefix)
        member = uuid.uuid4()
        before = utc_now()
        suspended = await suspend(trust, member)
        assert suspended["score"] == 0
        until = datetime.fromisoformat(suspended["suspended_until"])
        assert timedelta(days=30) <= until - before <= timedelta(days=30, minutes=5)

        writes = authenticated_writes(app.app)
        services = {path.split("/")[3] for _, path, _ in writes}
        assert {"members", "media", "accounts", "hospitals"} <= services
        for method, path, allowed in writes:
            response = await trust.client.request(method, path, headers=trust.headers(member))
            body = response.json() if response.content else {}
            if allowed:
                assert body.get("code") != "trust.suspended", (method, path)
                continue
            assert response.status_code == 403, (method, path, response.text)
            assert response.headers["content-type"] == "application/problem+json"
            assert body["code"] == "trust.suspended"
            assert datetime.fromisoformat(body["suspended_until"]) == until
            assert "정지" in body["detail"] and "you can read" in body["detail"]

        headers = trust.headers(member)
        for read in ("/api/v1/accounts/me", "/api/v1/trust-scores/me", "/api/v1/hospitals"):
            assert (await trust.client.get(read, headers=headers)).status_code != 403, read
        history = (await trust.history(member))["items"]
        assert history[0]["suspended_until"] == suspended["suspended_until"]
        assert "정지돼요" in history[0]["sentence_ko"]
        # Another member writes as before.
        other = await trust.client.patch(
            "/api/v1/accounts/me/nickname", json={"nickname": "x"}, headers=trust.headers()
        )
        assert other.json().get("code") != "trust.suspended"


async def test_the_suspension_ends_by_a_scheduled_job_that_sets_the_score_to_10(
    quick: TrustDriver,
) -> None:
    member = uuid.uuid4()
    await suspend(quick, member)

    async def score() -> dict[str, Any]:
        return await quick.score(member)

    ended = await eventually(score, until=lambda s: s["suspended_until"] is None, timeout=30)
    assert ended["score"] == 10
    history = (await quick.history(member))["items"]
    assert (history[0]["cause_kind"], history[0]["score_before"], history[0]["score_after"]) == (
        "suspension_end",
        0,
        10,
    )
    assert "10점에서 다시 시작" in history[0]["sentence_ko"]

    async def write_status() -> int:
        response = await quick.client.patch(
            "/api/v1/accounts/me/nickname", json={}, headers=quick.headers(member)
        )
        return response.status_code

    assert await eventually(write_status, until=lambda status: status != 403) == 422


async def test_the_end_of_a_suspension_survives_a_restart_and_runs_once_on_two_instances(
    stack: Stack,
) -> None:
    """Suspended in one app that then stops before the end; two new instances over the
    same databases start, and the score is set to 10 exactly once."""
    quick: dict[str, Any] = {
        "trust": {"suspension_days": 5 / 86_400},
        "jobs_poll_seconds": 0.05,
        "auth_deny_list_refresh_seconds": 0.05,
    }
    member = uuid.uuid4()
    async with running_app(stack, **quick) as first:
        suspended = await suspend(TrustDriver(first, stack.topic_prefix), member)
    assert datetime.fromisoformat(suspended["suspended_until"]) > utc_now()  # not yet due
    async with running_app(stack, **quick) as second, running_app(stack, **quick) as third:
        trust = TrustDriver(second, stack.topic_prefix)

        async def score() -> dict[str, Any]:
            return await trust.score(member)

        assert (await eventually(score, until=lambda s: s["score"] == 10, timeout=30))[
            "suspended_until"
        ] is None
        assert third.runtime.job_runners["trust"] is not second.runtime.job_runners["trust"]
        history = (await trust.history(member))["items"]
    assert [h["cause_kind"] for h in history].count("suspension_end") == 1
    assert history[0]["score_after"] == 10
