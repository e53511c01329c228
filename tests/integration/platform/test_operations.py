"""Operations endpoints tell the public nothing: metrics need a token, readiness hides errors."""

from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import create_async_engine
from structlog.testing import capture_logs

from tests.support.app import running_app
from tests.support.stack import Stack

METRICS_TOKEN = "scrape-me-0123456789abcdef"


async def test_metrics_are_not_served_when_no_token_is_configured(stack: Stack) -> None:
    async with running_app(stack) as mungmo:
        response = await mungmo.client.get("/metrics")
        assert response.status_code == 404
        assert "mungmo_http_requests_total" not in response.text
        with_guess = await mungmo.client.get(
            "/metrics", headers={"Authorization": "Bearer anything"}
        )
        assert with_guess.status_code == 404


async def test_metrics_need_the_configured_bearer_token(stack: Stack) -> None:
    async with running_app(stack, metrics_token=METRICS_TOKEN) as mungmo:
        anonymous = await mungmo.client.get("/metrics")
        assert anonymous.status_code == 401
        assert anonymous.headers["www-authenticate"] == "Bearer"
        assert "mungmo_http_requests_total" not in anonymous.text
        wrong = await mungmo.client.get("/metrics", headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401
        scraped = await mungmo.client.get(
            "/metrics", headers={"Authorization": f"Bearer {METRICS_TOKEN}"}
        )
        assert scraped.status_code == 200
        assert scraped.headers["content-type"].startswith("text/plain")
        assert "mungmo_http_requests_total" in scraped.text


async def test_ready_names_the_failing_check_but_not_the_exception(
    stack: Stack, tmp_path: Path
) -> None:
    async with running_app(stack) as mungmo:
        assert (await mungmo.client.get("/ready")).status_code == 200
        member = next(m for m in mungmo.runtime.modules if m.name == "member")
        healthy_engine = member.database.engine
        # A database file SQLite cannot open: the folder it would live in does not exist.
        member.database.engine = create_async_engine(
            f"sqlite+aiosqlite:///{tmp_path / 'missing' / 'member.db'}"
        )
        try:
            with capture_logs() as logs:
                response = await mungmo.client.get("/ready")
        finally:
            await member.database.engine.dispose()
            member.database.engine = healthy_engine
        assert response.status_code == 503
        body = response.json()
        assert body["checks"]["db.member"] == "down"
        assert body["checks"]["db.identity"] == "ok"
        assert "Error" not in response.text
        assert "unable to open" not in response.text
        failures = [entry for entry in logs if entry["event"] == "ready.check_failed"]
        assert [entry["check"] for entry in failures] == ["db.member"]
        assert "OperationalError" in failures[0]["error"]


@pytest.mark.parametrize("path", ["/health", "/ready"])
async def test_liveness_and_readiness_stay_public(stack: Stack, path: str) -> None:
    async with running_app(stack, metrics_token=METRICS_TOKEN) as mungmo:
        assert (await mungmo.client.get(path)).status_code == 200
