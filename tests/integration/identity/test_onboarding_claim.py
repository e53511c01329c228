"""MemberOnboarded (from the member service) puts ``onb`` into the account's tokens."""

import uuid
from datetime import UTC, datetime

import httpx

from mungmo.contracts.member import MemberOnboarded
from mungmo.platform.auth import Actor, TokenVerifier
from tests.support.accounts import stored_account
from tests.support.app import RunningApp
from tests.support.polling import eventually


async def publish_member_onboarded(app: RunningApp, member_id: str) -> None:
    """As the member service does it: through its outbox, relay and the event log."""
    member = next(m for m in app.runtime.modules if m.name == "member")
    async with member.uow_factory() as uow:
        uow.emit(
            MemberOnboarded(member_id=uuid.UUID(member_id), onboarded_at=datetime.now(UTC)),
            key=member_id,
        )
        await uow.commit()


async def actor_after_refresh(app: RunningApp, client: httpx.AsyncClient) -> Actor:
    response = await client.post("/api/v1/auth/refresh")
    assert response.status_code == 200, response.text
    verifier: TokenVerifier = app.app.state.token_verifier
    return await verifier.verify(response.json()["access_token"])


async def test_refresh_carries_onb_only_after_member_onboarded_is_consumed(
    mungmo: RunningApp,
) -> None:
    account = await mungmo.sign_up()
    other = await mungmo.sign_up()
    await mungmo.log_in(account["email"])
    assert not (await actor_after_refresh(mungmo, mungmo.client)).onboarded

    await publish_member_onboarded(mungmo, account["id"])

    async def refreshed() -> Actor:
        return await actor_after_refresh(mungmo, mungmo.client)

    actor = await eventually(refreshed, until=lambda a: a.onboarded)
    assert str(actor.member_id) == account["id"]
    stored = await stored_account(mungmo, account["id"])
    assert stored is not None and stored.onboarded_at is not None

    # A fresh login carries it too; another member's tokens do not.
    second = mungmo.new_client()
    await mungmo.log_in(account["email"], client=second)
    assert (await actor_after_refresh(mungmo, second)).onboarded
    third = mungmo.new_client()
    await mungmo.log_in(other["email"], client=third)
    assert not (await actor_after_refresh(mungmo, third)).onboarded
    fresh = (await second.post("/api/v1/auth/refresh")).json()["access_token"]
    me = await second.get("/api/v1/accounts/me", headers={"Authorization": f"Bearer {fresh}"})
    assert me.json()["onboarded"] is True
