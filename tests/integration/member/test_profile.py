"""My profile: the fields, their validation, photos only from one's own uploads,
and the nickname copy fed by identity."""

import uuid
from datetime import UTC, datetime
from typing import Any

from mungmo.contracts.identity import NicknameChanged
from tests.support.member_app import Account, MemberApp
from tests.support.polling import eventually


async def _patch(app: MemberApp, account: Account, body: dict[str, Any]) -> Any:
    return await app.client.patch("/api/v1/members/me", json=body, headers=account.headers)


async def _me(app: MemberApp, account: Account) -> dict[str, Any]:
    response = await app.client.get("/api/v1/members/me", headers=account.headers)
    assert response.status_code == 200
    body: dict[str, Any] = response.json()
    return body


async def test_update_every_profile_field(app: MemberApp) -> None:
    account = await app.sign_up()
    response = await _patch(
        app,
        account,
        {
            "birth_year": 1991,
            "gender": "female",
            "age_public": True,
            "gender_public": False,
            "owner_traits": ["introverted", "early_bird"],
        },
    )
    assert response.status_code == 200, response.text
    me = response.json()
    assert (me["birth_year"], me["gender"], me["age_public"], me["gender_public"]) == (
        1991,
        "female",
        True,
        False,
    )
    assert me["owner_traits"] == ["introverted", "early_bird"]
    assert me["onboarding"] == {
        "traits": True,
        "dog": False,
        "neighbourhood": False,
        "completed": False,
    }
    # Fields left out stay; null clears the optional ones.
    cleared = await _patch(app, account, {"gender": None})
    assert cleared.json()["gender"] is None and cleared.json()["birth_year"] == 1991
    changes = await app.member_events("member.ProfileChanged", account.id)
    assert changes[0]["changed"] == ["age_public", "birth_year", "gender", "owner_traits"]
    assert changes[1]["changed"] == ["gender"]
    assert "birth_year" not in changes[0] and changes[0]["nickname"] == account.nickname


async def test_bad_profile_input_is_refused_and_changes_nothing(app: MemberApp) -> None:
    account = await app.sign_up()
    await _patch(app, account, {"birth_year": 1990, "owner_traits": ["calm"]})
    next_year = app.clock().year + 1
    cases: list[tuple[dict[str, Any], str]] = [
        ({"birth_year": 1899}, "validation.too_small"),
        ({"birth_year": next_year}, "member.birth_year_invalid"),
        ({"gender": "robot"}, "validation.choice"),
        ({"owner_traits": []}, "validation.too_short"),
        ({"owner_traits": ["calm", "calm"]}, "validation.invalid"),
        ({"owner_traits": ["shy"]}, "validation.choice"),
        ({"owner_traits": None}, "validation.invalid"),
        ({"age_public": None}, "validation.invalid"),
        ({"nickname": "새이름"}, "validation.unknown_field"),
        ({"trust_score": 100}, "validation.unknown_field"),
    ]
    for body, code in cases:
        response = await _patch(app, account, body)
        assert response.status_code == 422, (body, response.text)
        problem = response.json()
        assert response.headers["content-type"].startswith("application/problem+json")
        assert code in {problem["code"], *(error["code"] for error in problem["errors"])}, body
    me = await _me(app, account)
    assert me["birth_year"] == 1990 and me["owner_traits"] == ["calm"]
    assert me["trust_score"] == 30 and me["nickname"] == account.nickname


async def test_photo_must_be_an_image_the_member_uploaded(app: MemberApp) -> None:
    owner = await app.sign_up()
    other = await app.sign_up()
    mine = await app.announce_upload(owner.id)
    theirs = await app.announce_upload(other.id)
    video = await app.announce_upload(owner.id, kind="video")

    for foreign in (theirs, video, uuid.uuid4()):
        refused = await _patch(app, owner, {"photo_media_id": str(foreign)})
        assert refused.status_code == 422
        assert refused.json()["code"] == "member.photo_not_found"
    assert (await _me(app, owner))["photo_media_id"] is None

    accepted = await _patch(app, owner, {"photo_media_id": str(mine)})
    assert accepted.status_code == 200
    me = accepted.json()
    assert me["photo_media_id"] == str(mine)
    assert me["photo_url"] == f"/api/v1/media/{mine}/file"
    assert me["photo_thumbnail_url"] == f"/api/v1/media/{mine}/thumbnail"
    removed = await _patch(app, owner, {"photo_media_id": None})
    assert removed.json()["photo_url"] is None


async def test_one_member_cannot_change_another(app: MemberApp) -> None:
    first = await app.sign_up()
    second = await app.sign_up()
    await _patch(app, second, {"birth_year": 1980})
    # /members/me always means the caller: there is no way to name someone else.
    other_id = await app.client.patch(
        f"/api/v1/members/{first.id}", json={"birth_year": 1980}, headers=second.headers
    )
    assert other_id.status_code == 405
    assert (await _me(app, first))["birth_year"] is None
    assert (await _me(app, second))["birth_year"] == 1980


async def test_changing_needs_a_login(app: MemberApp) -> None:
    response = await app.client.patch("/api/v1/members/me", json={"birth_year": 1990})
    assert response.status_code == 401


async def test_nickname_changes_from_identity_are_copied(app: MemberApp) -> None:
    account = await app.sign_up()
    await app.publish(
        NicknameChanged(account_id=account.id, nickname="새멍멍", changed_at=datetime.now(UTC)),
        key=account.id,
    )

    async def nickname() -> str:
        return str((await _me(app, account))["nickname"])

    await eventually(nickname, until=lambda name: name == "새멍멍")
