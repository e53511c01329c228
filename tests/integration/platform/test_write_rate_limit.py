"""Write rate limits follow the account when there is one, the address otherwise."""

import uuid

import httpx

from tests.support.app import RunningApp, running_app
from tests.support.builders import account_body
from tests.support.stack import Stack

BUDGET = 3


def _client_at(mungmo: RunningApp, address: str, token: str | None = None) -> httpx.AsyncClient:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=mungmo.app, client=(address, 50_000)),
        base_url="http://localhost",
        headers=headers,
    )


def _fresh_address() -> str:
    value = uuid.uuid4().int
    return f"10.{value % 250}.{(value >> 8) % 250}.{(value >> 16) % 250 + 1}"


async def _account_token(mungmo: RunningApp) -> str:
    # Each account is set up from its own address, so setup spends no shared budget.
    async with _client_at(mungmo, _fresh_address()) as setup:
        body = account_body()
        assert (await setup.post("/api/v1/accounts", json=body)).status_code == 201
        return await mungmo.log_in(body["email"], client=setup)


async def _write(client: httpx.AsyncClient) -> int:
    return (await client.patch("/api/v1/members/me", json={})).status_code


async def _anonymous_write(client: httpx.AsyncClient) -> int:
    return (await client.post("/api/v1/auth/logout")).status_code


async def test_two_accounts_behind_one_address_each_get_their_own_budget(stack: Stack) -> None:
    async with running_app(stack, write_rate_per_minute=BUDGET) as mungmo:
        carrier_gateway = _fresh_address()
        alice_token = await _account_token(mungmo)
        bob_token = await _account_token(mungmo)
        async with (
            _client_at(mungmo, carrier_gateway, alice_token) as alice,
            _client_at(mungmo, carrier_gateway, bob_token) as bob,
        ):
            assert [await _write(alice) for _ in range(BUDGET)].count(429) == 0
            assert [await _write(bob) for _ in range(BUDGET)].count(429) == 0
            assert await _write(alice) == 429
            assert await _write(bob) == 429


async def test_one_account_from_two_addresses_shares_one_budget(stack: Stack) -> None:
    async with running_app(stack, write_rate_per_minute=BUDGET) as mungmo:
        token = await _account_token(mungmo)
        async with (
            _client_at(mungmo, _fresh_address(), token) as on_wifi,
            _client_at(mungmo, _fresh_address(), token) as on_lte,
        ):
            assert await _write(on_wifi) != 429
            assert await _write(on_lte) != 429
            assert await _write(on_wifi) != 429
            refused = await on_lte.patch("/api/v1/members/me", json={})
            assert refused.status_code == 429
            assert int(refused.headers["retry-after"]) >= 1
            assert refused.json()["code"] == "rate_limited"


async def test_anonymous_writes_and_unverified_tokens_are_keyed_by_address(stack: Stack) -> None:
    async with running_app(stack, write_rate_per_minute=BUDGET) as mungmo:
        shared = _fresh_address()
        async with (
            _client_at(mungmo, shared) as first,
            _client_at(mungmo, shared, "not-a-real-token") as forged,
            _client_at(mungmo, _fresh_address()) as elsewhere,
        ):
            assert await _anonymous_write(first) == 204
            assert await _anonymous_write(first) == 204
            # A token that does not verify earns no budget of its own.
            assert await _write(forged) == 401
            assert await _anonymous_write(first) == 429
            assert await _anonymous_write(elsewhere) == 204
