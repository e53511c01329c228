"""The member card other members see: public fields only, private ones absent."""

import uuid
from datetime import timedelta
from typing import Any

from tests.support.member_app import MemberApp
from tests.support.onboarding import onboarded_member


async def _card(app: MemberApp, viewer: dict[str, str], member_id: uuid.UUID) -> Any:
    return await app.client.get(f"/api/v1/members/{member_id}", headers=viewer)


async def test_private_fields_are_absent_from_the_card(app: MemberApp) -> None:
    owner, _ = await onboarded_member(app)
    _, viewer = await onboarded_member(app)
    photo = await app.announce_upload(owner.id)
    await app.client.patch(
        "/api/v1/members/me",
        json={
            "birth_year": 1988,
            "gender": "male",
            "age_public": False,
            "gender_public": False,
            "photo_media_id": str(photo),
        },
        headers=owner.headers,
    )
    me = (await app.client.get("/api/v1/members/me", headers=owner.headers)).json()
    dog_id = me["dogs"][0]["id"]
    await app.client.patch(
        f"/api/v1/members/me/dogs/{dog_id}",
        json={
            "muzzle": True,
            "vaccinated": True,
            "energy_level": 4,
            "public_fields": ["name", "size", "muzzle"],
        },
        headers=owner.headers,
    )
    response = await _card(app, viewer, owner.id)
    assert response.status_code == 200, response.text
    card = response.json()
    assert set(card) == {
        "id",
        "nickname",
        "photo_url",
        "photo_thumbnail_url",
        "trust_score",
        "owner_traits",
        "dogs",
        "neighbourhood",
        "relationship",
    }
    assert card["nickname"] == owner.nickname and card["trust_score"] == 30
    assert card["photo_url"] == f"/api/v1/media/{photo}/file"
    assert card["owner_traits"] == ["calm", "early_bird"]
    assert card["neighbourhood"] == {
        "name": "청운효자동",
        "full_name": "서울특별시 종로구 청운효자동",
        "verified": True,
    }
    assert card["relationship"] == {"is_friend": False, "blocked_by_me": False}
    (dog,) = card["dogs"]
    assert dog == {"id": dog_id, "name": "콩이", "size": "small", "muzzle": True}
    raw = response.text
    for private in (
        "birth_year",
        "gender",
        "age",
        "vaccinated",
        "energy_level",
        "breed",
        "photo_media_id",
        "region_code",
        "1111051500",
    ):
        assert f'"{private}"' not in raw


async def test_public_fields_are_shown(app: MemberApp) -> None:
    owner, _ = await onboarded_member(app)
    _, viewer = await onboarded_member(app)
    await app.client.patch(
        "/api/v1/members/me",
        json={"birth_year": 1990, "gender": "female", "age_public": True, "gender_public": True},
        headers=owner.headers,
    )
    card = (await _card(app, viewer, owner.id)).json()
    assert card["birth_year"] == 1990
    assert card["age"] == app.clock().year - 1990
    assert card["gender"] == "female"
    (dog,) = card["dogs"]
    # The default public set of a new dog.
    assert set(dog) == {
        "id",
        "name",
        "breed",
        "size",
        "photo_url",
        "photo_thumbnail_url",
        "traits",
        "energy_level",
        "play_style",
    }
    assert dog["photo_url"] is None and dog["energy_level"] is None


async def test_an_expired_neighbourhood_shows_as_unverified(app: MemberApp) -> None:
    owner, _ = await onboarded_member(app)
    _, viewer = await onboarded_member(app)
    app.clock.advance(timedelta(days=31))
    card = (await _card(app, viewer, owner.id)).json()
    assert card["neighbourhood"]["verified"] is False


async def test_a_member_who_blocked_you_is_not_found(app: MemberApp) -> None:
    blocker, blocker_headers = await onboarded_member(app)
    blocked, blocked_headers = await onboarded_member(app)
    await app.client.post(
        "/api/v1/blocks", json={"member_id": str(blocked.id)}, headers=blocker_headers
    )
    hidden = await _card(app, blocked_headers, blocker.id)
    assert hidden.status_code == 404 and hidden.json()["code"] == "member.not_found"
    # The blocker still sees the card, marked as blocked, to unblock from it.
    seen = await _card(app, blocker_headers, blocked.id)
    assert seen.json()["relationship"] == {"is_friend": False, "blocked_by_me": True}


async def test_unknown_members_and_bad_ids(app: MemberApp) -> None:
    _, viewer = await onboarded_member(app)
    unknown = await _card(app, viewer, uuid.uuid4())
    assert unknown.status_code == 404 and unknown.json()["code"] == "member.not_found"
    malformed = await app.client.get("/api/v1/members/not-a-uuid", headers=viewer)
    assert malformed.status_code == 422


async def test_the_card_needs_an_onboarded_member(app: MemberApp) -> None:
    owner, _ = await onboarded_member(app)
    newcomer = await app.sign_up()
    response = await _card(app, newcomer.headers, owner.id)
    assert response.status_code == 403
    assert response.json()["code"] == "member.onboarding_required"
    assert (await app.client.get(f"/api/v1/members/{owner.id}")).status_code == 401
