"""A member's dogs: add, change, remove; limits, validation, ownership."""

import asyncio
import uuid
from typing import Any

from tests.support.member_app import Account, MemberApp
from tests.support.onboarding import DOG

DOGS = "/api/v1/members/me/dogs"


async def _add(app: MemberApp, account: Account, **changes: Any) -> Any:
    return await app.client.post(DOGS, json={**DOG, **changes}, headers=account.headers)


async def test_add_a_dog_with_every_attribute(app: MemberApp) -> None:
    account = await app.sign_up()
    photo = await app.announce_upload(account.id, purpose="dog")
    response = await _add(
        app,
        account,
        name="보리",
        breed="jindo",
        size="medium",
        photo_media_id=str(photo),
        traits=["energetic", "good_with_big_dogs"],
        muzzle=True,
        barks=True,
        mounts=False,
        energy_level=5,
        play_style="chase",
        vaccinated=True,
        registered=True,
        public_fields=["name", "breed", "muzzle", "vaccinated"],
    )
    assert response.status_code == 201, response.text
    dog = response.json()
    assert dog["name"] == "보리" and dog["breed"] == "jindo" and dog["size"] == "medium"
    assert dog["photo_url"] == f"/api/v1/media/{photo}/file"
    assert dog["traits"] == ["energetic", "good_with_big_dogs"]
    assert (dog["muzzle"], dog["barks"], dog["mounts"]) == (True, True, False)
    assert (dog["energy_level"], dog["play_style"]) == (5, "chase")
    assert (dog["vaccinated"], dog["registered"]) == (True, True)
    assert dog["public_fields"] == ["breed", "muzzle", "name", "vaccinated"]
    me = await app.client.get("/api/v1/members/me", headers=account.headers)
    assert [d["id"] for d in me.json()["dogs"]] == [dog["id"]]
    assert me.json()["onboarding"]["dog"] is True
    events = await app.member_events("member.ProfileChanged", account.id)
    assert events[-1]["changed"] == ["dogs"]
    # Other services get the dog's public fields only (vaccinated is not among them).
    [public] = events[-1]["dogs"]
    assert (public["name"], public["breed"], public["muzzle"]) == ("보리", "jindo", True)
    assert (public["size"], public["traits"], public["energy_level"]) == (None, None, None)


async def test_defaults_keep_flags_and_health_private(app: MemberApp) -> None:
    account = await app.sign_up()
    dog = (await _add(app, account, traits=[])).json()
    assert dog["public_fields"] == sorted(
        ["name", "breed", "size", "photo", "traits", "energy_level", "play_style"]
    )
    assert (dog["muzzle"], dog["vaccinated"], dog["energy_level"]) == (False, None, None)
    me = await app.client.get("/api/v1/members/me", headers=account.headers)
    # A dog without traits does not count for onboarding yet.
    assert me.json()["onboarding"]["dog"] is False


async def test_change_and_remove_a_dog(app: MemberApp) -> None:
    account = await app.sign_up()
    dog = (await _add(app, account, energy_level=3)).json()
    changed = await app.client.patch(
        f"{DOGS}/{dog['id']}",
        json={"name": "콩콩", "barks": True, "energy_level": None, "public_fields": ["name"]},
        headers=account.headers,
    )
    assert changed.status_code == 200, changed.text
    body = changed.json()
    assert (body["name"], body["barks"], body["energy_level"]) == ("콩콩", True, None)
    assert body["public_fields"] == ["name"] and body["breed"] == DOG["breed"]
    removed = await app.client.delete(f"{DOGS}/{dog['id']}", headers=account.headers)
    assert removed.status_code == 204
    me = await app.client.get("/api/v1/members/me", headers=account.headers)
    assert me.json()["dogs"] == []
    again = await app.client.delete(f"{DOGS}/{dog['id']}", headers=account.headers)
    assert again.status_code == 404 and again.json()["code"] == "member.dog_not_found"


async def test_another_members_dog_is_out_of_reach(app: MemberApp) -> None:
    owner = await app.sign_up()
    intruder = await app.sign_up()
    dog = (await _add(app, owner)).json()
    patch = await app.client.patch(
        f"{DOGS}/{dog['id']}", json={"name": "훔친개"}, headers=intruder.headers
    )
    delete = await app.client.delete(f"{DOGS}/{dog['id']}", headers=intruder.headers)
    for response in (patch, delete):
        assert response.status_code == 404
        assert response.json()["code"] == "member.dog_not_found"
    me = await app.client.get("/api/v1/members/me", headers=owner.headers)
    assert [d["name"] for d in me.json()["dogs"]] == [DOG["name"]]


async def test_a_dog_photo_must_be_the_owners_image(app: MemberApp) -> None:
    owner = await app.sign_up()
    other = await app.sign_up()
    theirs = await app.announce_upload(other.id)
    refused = await _add(app, owner, photo_media_id=str(theirs))
    assert refused.status_code == 422 and refused.json()["code"] == "member.photo_not_found"
    dog = (await _add(app, owner)).json()
    patch = await app.client.patch(
        f"{DOGS}/{dog['id']}", json={"photo_media_id": str(theirs)}, headers=owner.headers
    )
    assert patch.status_code == 422
    me = await app.client.get("/api/v1/members/me", headers=owner.headers)
    assert [d["photo_media_id"] for d in me.json()["dogs"]] == [None]


async def test_bad_dog_input_is_refused(app: MemberApp) -> None:
    account = await app.sign_up()
    for changes in (
        {"name": ""},
        {"name": "가" * 21},
        {"breed": "dragon"},
        {"size": "huge"},
        {"traits": ["introverted"]},
        {"traits": ["shy", "shy"]},
        {"energy_level": 0},
        {"play_style": "dance"},
        {"public_fields": ["secret"]},
        {"owner": str(uuid.uuid4())},
    ):
        response = await _add(app, account, **changes)
        assert response.status_code == 422, changes
        assert response.headers["content-type"].startswith("application/problem+json")
    dog = (await _add(app, account)).json()
    for body in ({"name": None}, {"muzzle": None}, {"size": "tiny"}):
        response = await app.client.patch(f"{DOGS}/{dog['id']}", json=body, headers=account.headers)
        assert response.status_code == 422, body
    me = await app.client.get("/api/v1/members/me", headers=account.headers)
    assert len(me.json()["dogs"]) == 1 and me.json()["dogs"][0]["name"] == DOG["name"]


async def test_at_most_five_dogs_even_when_added_at_once(app: MemberApp) -> None:
    account = await app.sign_up()
    responses = await asyncio.gather(*(_add(app, account, name=f"개{n}") for n in range(7)))
    statuses = sorted(response.status_code for response in responses)
    assert statuses == [201] * 5 + [409] * 2
    refused = next(r for r in responses if r.status_code == 409)
    assert refused.json()["code"] == "member.too_many_dogs"
    me = await app.client.get("/api/v1/members/me", headers=account.headers)
    assert len(me.json()["dogs"]) == 5


async def test_dogs_need_a_login(app: MemberApp) -> None:
    assert (await app.client.post(DOGS, json=DOG)).status_code == 401
    some_id = uuid.uuid4()
    assert (await app.client.patch(f"{DOGS}/{some_id}", json={})).status_code == 401
    assert (await app.client.delete(f"{DOGS}/{some_id}")).status_code == 401
