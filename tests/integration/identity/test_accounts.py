"""Sign-up over HTTP: success, events, bad input, duplicates, races."""

import asyncio

from sqlalchemy import func, select

from mungmo.identity.models import Account
from tests.support.app import RunningApp
from tests.support.builders import PASSWORD, account_body, unique_email, unique_nickname

PROBLEM = "application/problem+json"


async def count_accounts(mungmo: RunningApp) -> int:
    database = next(m.database for m in mungmo.runtime.modules if m.name == "identity")
    async with database.session() as session:
        return int(await session.scalar(select(func.count()).select_from(Account)) or 0)


async def test_sign_up_returns_the_account_without_secrets(mungmo: RunningApp) -> None:
    body = account_body()
    response = await mungmo.client.post("/api/v1/accounts", json=body)
    assert response.status_code == 201
    account = response.json()
    assert account["email"] == body["email"]
    assert account["nickname"] == body["nickname"]
    assert "password" not in account and "password_hash" not in account


async def test_email_is_case_insensitive_and_duplicates_are_refused(mungmo: RunningApp) -> None:
    email = unique_email()
    await mungmo.sign_up(email=email)
    before = await count_accounts(mungmo)
    response = await mungmo.client.post("/api/v1/accounts", json=account_body(email=email.upper()))
    assert response.status_code == 409
    assert response.headers["content-type"] == PROBLEM
    problem = response.json()
    assert problem["code"] == "identity.email_taken"
    assert problem["errors"] == [
        {
            "field": "email",
            "code": "identity.email_taken",
            "message": problem["errors"][0]["message"],
        }
    ]
    assert await count_accounts(mungmo) == before


async def test_duplicate_nickname_ignores_case(mungmo: RunningApp) -> None:
    nickname = "Bori" + unique_nickname("x")
    await mungmo.sign_up(nickname=nickname)
    response = await mungmo.client.post(
        "/api/v1/accounts", json=account_body(nickname=nickname.lower())
    )
    assert response.status_code == 409
    assert response.json()["code"] == "identity.nickname_taken"
    assert response.json()["errors"][0]["field"] == "nickname"


async def test_both_taken_reports_both_fields(mungmo: RunningApp) -> None:
    existing = await mungmo.sign_up()
    response = await mungmo.client.post(
        "/api/v1/accounts",
        json={"email": existing["email"], "password": PASSWORD, "nickname": existing["nickname"]},
    )
    assert response.status_code == 409
    assert {e["field"] for e in response.json()["errors"]} == {"email", "nickname"}


async def test_field_rules_give_one_problem_per_field(mungmo: RunningApp) -> None:
    before = await count_accounts(mungmo)
    response = await mungmo.client.post(
        "/api/v1/accounts", json={"email": "not-an-email", "password": "short", "nickname": "a b"}
    )
    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM
    problem = response.json()
    assert problem["code"] == "validation.failed"
    codes = {e["field"]: e["code"] for e in problem["errors"]}
    assert codes == {
        "email": "validation.invalid_email",
        "password": "validation.too_short",
        "nickname": "validation.pattern",
    }
    assert await count_accounts(mungmo) == before


async def test_missing_fields_and_wrong_types(mungmo: RunningApp) -> None:
    response = await mungmo.client.post("/api/v1/accounts", json={"email": 5, "password": None})
    assert response.status_code == 422
    codes = {e["field"]: e["code"] for e in response.json()["errors"]}
    assert codes["email"] == "validation.type"
    assert codes["password"] == "validation.type"
    assert codes["nickname"] == "validation.required"


async def test_unknown_fields_are_refused(mungmo: RunningApp) -> None:
    response = await mungmo.client.post(
        "/api/v1/accounts", json={**account_body(), "roles": "admin"}
    )
    assert response.status_code == 422
    assert response.json()["errors"][0] == {
        "field": "roles",
        "code": "validation.unknown_field",
        "message": "Extra inputs are not permitted",
    }


async def test_malformed_json_is_a_400_problem(mungmo: RunningApp) -> None:
    before = await count_accounts(mungmo)
    response = await mungmo.client.post(
        "/api/v1/accounts", content=b'{"email": ', headers={"content-type": "application/json"}
    )
    assert response.status_code == 400
    assert response.headers["content-type"] == PROBLEM
    assert response.json()["code"] == "request.malformed_json"
    assert await count_accounts(mungmo) == before


async def test_oversize_body_is_a_413_problem(mungmo: RunningApp) -> None:
    before = await count_accounts(mungmo)
    huge = account_body(nickname="x" * 2_000_000)
    response = await mungmo.client.post("/api/v1/accounts", json=huge)
    assert response.status_code == 413
    assert response.headers["content-type"] == PROBLEM
    assert response.json()["code"] == "request.too_large"
    assert await count_accounts(mungmo) == before


async def test_streamed_oversize_body_without_length_is_refused(mungmo: RunningApp) -> None:
    async def chunks():  # type: ignore[no-untyped-def]
        for _ in range(40):
            yield b"x" * 65_536

    response = await mungmo.client.post(
        "/api/v1/accounts", content=chunks(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413
    assert response.json()["code"] == "request.too_large"


async def test_unknown_route_is_a_404_problem(mungmo: RunningApp) -> None:
    response = await mungmo.client.get("/api/v1/no-such-thing")
    assert response.status_code == 404
    assert response.headers["content-type"] == PROBLEM
    assert response.json()["code"] == "http.not_found"


async def test_wrong_method_is_a_405_problem(mungmo: RunningApp) -> None:
    response = await mungmo.client.delete("/api/v1/accounts")
    assert response.status_code == 405
    assert response.json()["code"] == "http.method_not_allowed"


async def test_concurrent_sign_ups_with_one_email_create_one_account(mungmo: RunningApp) -> None:
    email = unique_email()
    before = await count_accounts(mungmo)
    responses = await asyncio.gather(
        *[
            mungmo.client.post(
                "/api/v1/accounts", json=account_body(email=email, nickname=unique_nickname())
            )
            for _ in range(8)
        ]
    )
    statuses = sorted(r.status_code for r in responses)
    assert statuses == [201] + [409] * 7
    assert all(
        r.json()["code"] == "identity.email_taken" for r in responses if r.status_code == 409
    )
    assert await count_accounts(mungmo) == before + 1


async def test_sign_up_rate_limit_per_address(stack) -> None:  # type: ignore[no-untyped-def]
    from tests.support.app import running_app

    async with running_app(stack, identity={"signups_per_hour_per_ip": 2}) as app:
        for _ in range(2):
            await app.sign_up()
        response = await app.client.post("/api/v1/accounts", json=account_body())
        assert response.status_code == 429
        assert response.json()["code"] == "rate_limited"
        assert int(response.headers["retry-after"]) > 0


async def test_an_unexpected_error_is_a_500_problem_with_the_request_id(
    mungmo: RunningApp,
) -> None:
    async def explode() -> None:
        raise RuntimeError("boom")

    mungmo.app.add_api_route("/api/v1/test-explode", explode)
    response = await mungmo.client.get(
        "/api/v1/test-explode", headers={"X-Request-ID": "req-12345678"}
    )
    assert response.status_code == 500
    assert response.headers["content-type"] == PROBLEM
    assert response.json()["code"] == "internal"
    assert response.json()["request_id"] == "req-12345678"
    assert "boom" not in response.text
