"""Creating a club with its first schedules, finding clubs, joining open and by
approval, leaving, and a removal whose rejoin ban holds."""

from datetime import timedelta

from mungmo.platform.clock import utc_now
from tests.integration.club.driver import ClubDriver


async def test_a_club_is_made_in_its_owners_neighbourhood_with_its_first_schedules(
    clubs: ClubDriver,
) -> None:
    (owner,) = await clubs.people("산책왕")
    starts = utc_now() + timedelta(days=2)
    club = await clubs.create_club(
        owner,
        schedules=[
            {"title": "첫 산책", "starts_at": starts.isoformat(), "place_name": "한강공원"},
            {
                "title": "둘째 산책",
                "starts_at": (starts + timedelta(days=7)).isoformat(),
                "place_name": "서울숲",
            },
        ],
    )
    assert club["my_role"] == "owner"
    assert club["member_count"] == 1
    assert club["region_code"] == "1111051500"
    assert club["next_schedule"]["title"] == "첫 산책"

    found = await clubs.client.get(
        "/api/v1/clubs",
        params={"region": "11110", "topic": "walk", "q": "한강"},
        headers=clubs.anyone().headers,
    )
    assert found.status_code == 200
    mine = [c for c in found.json()["items"] if c["id"] == club["id"]]
    assert mine and mine[0]["my_role"] is None and mine[0]["next_schedule"]["title"] == "첫 산책"

    elsewhere = await clubs.client.get(
        "/api/v1/clubs", params={"region": "26"}, headers=owner.headers
    )
    assert club["id"] not in [c["id"] for c in elsewhere.json()["items"]]


async def test_a_member_without_a_verified_neighbourhood_cannot_make_a_club(
    clubs: ClubDriver,
) -> None:
    (person,) = await clubs.people("동네없음", verified=False)
    response = await clubs.client.post(
        "/api/v1/clubs",
        json={"title": "모임", "text": "글", "topic": "walk"},
        headers=person.headers,
    )
    assert response.status_code == 422
    assert response.json()["code"] == "club.region_unknown"


async def test_bad_input_is_a_problem_and_changes_nothing(clubs: ClubDriver) -> None:
    (owner,) = await clubs.people("입력검사")
    bad = await clubs.client.post(
        "/api/v1/clubs",
        json={"title": "x", "text": "", "topic": "nope"},
        headers=owner.headers,
    )
    assert bad.status_code == 422
    assert bad.headers["content-type"].startswith("application/problem+json")
    bad_rule = await clubs.client.post(
        "/api/v1/clubs",
        json={
            "title": "규칙 모임",
            "text": "글",
            "topic": "walk",
            "schedules": [
                {
                    "title": "산책",
                    "starts_at": utc_now().isoformat(),
                    "place_name": "공원",
                    "recurrence": {"frequency": "weekly", "weekdays": ["XX"]},
                }
            ],
        },
        headers=owner.headers,
    )
    assert bad_rule.status_code == 422
    assert bad_rule.json()["code"] == "club.recurrence_invalid"
    mine = await clubs.client.get("/api/v1/clubs/mine", headers=owner.headers)
    assert mine.json()["items"] == []


async def test_joining_an_approval_club_waits_for_a_manager(clubs: ClubDriver) -> None:
    owner, manager, joiner = await clubs.people("승인관리자", "승인매니저", "가입희망")
    club = await clubs.create_club(owner, join_mode="approval", title="승인제 모임")
    await clubs.make_manager(club["id"], owner, manager)
    assert (await clubs.join(club["id"], joiner))["status"] == "pending"

    pending = await clubs.client.get(
        f"/api/v1/clubs/{club['id']}/members", params={"pending": "true"}, headers=owner.headers
    )
    assert {m["member_id"] for m in pending.json()["items"]} >= {str(joiner.id)}
    # A pending member reads nothing inside yet.
    posts = await clubs.client.get(
        f"/api/v1/clubs/{club['id']}/posts", params={"board": "free"}, headers=joiner.headers
    )
    assert posts.status_code == 403 and posts.json()["code"] == "club.not_a_member"

    approved = await clubs.client.post(
        f"/api/v1/clubs/{club['id']}/members/{joiner.id}/approve", headers=owner.headers
    )
    assert approved.status_code == 200 and approved.json()["status"] == "active"
    seen = await clubs.client.get(f"/api/v1/clubs/{club['id']}", headers=joiner.headers)
    assert seen.json()["my_role"] == "member"


async def test_a_removed_member_with_a_rejoin_ban_cannot_come_back(clubs: ClubDriver) -> None:
    owner, banned, forgiven = await clubs.people("퇴출관리자", "퇴출회원", "재가입회원")
    club = await clubs.create_club(owner)
    for person in (banned, forgiven):
        await clubs.join(club["id"], person)
    schedule = (await clubs.schedule(club["id"], owner, capacity=5))[0]
    await clubs.client.put(
        f"/api/v1/clubs/{club['id']}/schedules/{schedule['id']}/rsvp", headers=banned.headers
    )

    for person, allow in ((banned, False), (forgiven, True)):
        removed = await clubs.client.post(
            f"/api/v1/clubs/{club['id']}/members/{person.id}/remove",
            json={"allow_rejoin": allow},
            headers=owner.headers,
        )
        assert removed.status_code == 204, removed.text

    again = await clubs.client.post(f"/api/v1/clubs/{club['id']}/join", headers=banned.headers)
    assert again.status_code == 403 and again.json()["code"] == "club.rejoin_banned"
    assert (await clubs.join(club["id"], forgiven))["status"] == "active"
    after = await clubs.client.get(f"/api/v1/clubs/{club['id']}", headers=owner.headers)
    assert after.json()["member_count"] == 2
    # The removed member's RSVP no longer takes a place.
    assert after.json()["next_schedule"]["rsvp_count"] == 0

    lifted = await clubs.client.delete(
        f"/api/v1/clubs/{club['id']}/bans/{banned.id}", headers=owner.headers
    )
    assert lifted.status_code == 204
    assert (await clubs.join(club["id"], banned))["status"] == "active"


async def test_ownership_moves_and_the_old_owner_stays_as_a_manager(clubs: ClubDriver) -> None:
    owner, heir = await clubs.people("전관리자", "새관리자")
    club = await clubs.create_club(owner)
    await clubs.join(club["id"], heir)
    refused = await clubs.client.post(f"/api/v1/clubs/{club['id']}/leave", headers=owner.headers)
    assert refused.status_code == 409 and refused.json()["code"] == "club.owner_cannot_leave"
    moved = await clubs.client.post(
        f"/api/v1/clubs/{club['id']}/transfer",
        json={"member_id": str(heir.id)},
        headers=owner.headers,
    )
    assert moved.status_code == 204
    members = await clubs.client.get(f"/api/v1/clubs/{club['id']}/members", headers=heir.headers)
    roles = {m["nickname"]: m["role"] for m in members.json()["items"]}
    assert roles == {"전관리자": "manager", "새관리자": "owner"}
    left = await clubs.client.post(f"/api/v1/clubs/{club['id']}/leave", headers=owner.headers)
    assert left.status_code == 204
