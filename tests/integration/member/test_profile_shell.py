"""AccountRegistered crosses from identity to member: the profile shell appears."""

from tests.support.app import RunningApp
from tests.support.polling import eventually


async def test_new_account_gets_a_pending_profile_with_score_30(mungmo: RunningApp) -> None:
    account = await mungmo.sign_up()
    token = await mungmo.log_in(account["email"])
    headers = {"Authorization": f"Bearer {token}"}

    async def my_profile():  # type: ignore[no-untyped-def]
        return await mungmo.client.get("/api/v1/members/me", headers=headers)

    response = await eventually(my_profile, until=lambda r: r.status_code == 200)
    assert response.json() == {
        "id": account["id"],
        "nickname": account["nickname"],
        "trust_score": 30,
        "onboarding_status": "pending",
        "created_at": account["created_at"],
    }


async def test_each_member_sees_only_their_own_profile(mungmo: RunningApp) -> None:
    first = await mungmo.sign_up()
    second = await mungmo.sign_up()
    token = await mungmo.log_in(second["email"])

    async def my_profile():  # type: ignore[no-untyped-def]
        return await mungmo.client.get(
            "/api/v1/members/me", headers={"Authorization": f"Bearer {token}"}
        )

    response = await eventually(my_profile, until=lambda r: r.status_code == 200)
    assert response.json()["id"] == second["id"] != first["id"]


async def test_profile_not_yet_created_is_a_clear_404(mungmo: RunningApp) -> None:
    # A token for an account whose member record does not exist (event not applied).
    import uuid

    from mungmo.identity.service import Identity

    identity: Identity = mungmo.app.state.dependencies[Identity]
    import datetime as dt

    token = identity.signer.issue(
        account_id=uuid.uuid4(),
        session_id=uuid.uuid4(),
        roles=["member"],
        now=dt.datetime.now(dt.UTC),
        ttl=dt.timedelta(minutes=5),
    )
    response = await mungmo.client.get(
        "/api/v1/members/me", headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code == 404
    assert response.json()["code"] == "member.not_found"
