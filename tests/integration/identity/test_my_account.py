"""The owner's view of the account."""

from tests.support.app import RunningApp

PATH = "/api/v1/accounts/me"


async def test_my_account_shows_the_owner_their_own_details(mungmo: RunningApp) -> None:
    account = await mungmo.sign_up()
    await mungmo.sign_up()
    token = await mungmo.log_in(account["email"])
    response = await mungmo.client.get(PATH, headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200
    assert response.json() == {
        "id": account["id"],
        "email": account["email"],
        "nickname": account["nickname"],
        "created_at": account["created_at"],
        "has_password": True,
        "social_providers": [],
        "onboarded": False,
        "nickname_change_allowed_at": None,
    }


async def test_my_account_needs_a_login(mungmo: RunningApp) -> None:
    response = await mungmo.client.get(PATH)
    assert response.status_code == 401
    assert response.json()["code"] == "auth.unauthenticated"
