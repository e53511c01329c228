"""Takes a test member through onboarding with the real endpoints."""

from typing import Any

from tests.support.member_app import Account, MemberApp
from tests.support.regions import CHEONGUN_HYOJA, NEAR_CHEONGUN_HYOJA

DOG: dict[str, Any] = {"name": "콩이", "breed": "maltese", "size": "small", "traits": ["playful"]}


def claim(
    region: str = CHEONGUN_HYOJA, at: tuple[float, float] = NEAR_CHEONGUN_HYOJA
) -> dict[str, Any]:
    return {"region_code": region, "latitude": at[0], "longitude": at[1]}


async def onboard(app: MemberApp, account: Account) -> None:
    """Owner traits, a dog with a trait, and 청운효자동 verified (regions must be loaded)."""
    headers = account.headers
    traits = await app.client.patch(
        "/api/v1/members/me", json={"owner_traits": ["calm", "early_bird"]}, headers=headers
    )
    assert traits.status_code == 200, traits.text
    dog = await app.client.post("/api/v1/members/me/dogs", json=DOG, headers=headers)
    assert dog.status_code == 201, dog.text
    verified = await app.client.post(
        "/api/v1/members/me/neighbourhood", json=claim(), headers=headers
    )
    assert verified.status_code == 200, verified.text


async def onboarded_member(app: MemberApp) -> tuple[Account, dict[str, str]]:
    """A member who finished onboarding, with headers carrying an onboarded token."""
    account = await app.sign_up()
    await onboard(app, account)
    return account, app.headers(account.id, onboarded=True)
