"""Joining: capacity, the waitlist and its promotion, host approval, overlapping
meetups, blocks both ways, suspended members."""

import uuid
from datetime import timedelta

from mungmo.contracts.trust import MemberSuspended
from mungmo.platform.clock import utc_now
from tests.support.meetup_app import MEETUPS, MeetupDriver
from tests.support.polling import eventually


async def test_a_full_meetup_waitlists_and_promotes_the_first_when_one_leaves(
    meetup: MeetupDriver,
) -> None:
    host = await meetup.member()
    first, second, third, fourth = [await meetup.member(f"회원{n}") for n in range(4)]
    created = await meetup.create(host, capacity=3)
    statuses = [
        (await meetup.join(m, created["id"])).json() for m in (first, second, third, fourth)
    ]
    assert [(s["status"], s["position"]) for s in statuses] == [
        ("joined", None),
        ("joined", None),
        ("waitlisted", 1),
        ("waitlisted", 2),
    ]
    assert statuses[-1]["meetup"]["taken"] == 3
    again = await meetup.join(first, created["id"])
    assert (again.status_code, again.json()["code"]) == (409, "meetup.already_joined")

    left = await meetup.client.delete(
        f"{MEETUPS}/{created['id']}/participants/me", headers=second.headers
    )
    assert left.status_code == 200
    assert (left.json()["taken"], left.json()["waitlisted"]) == (3, 1)
    [promoted] = await meetup.emitted("meetup.WaitlistPromoted", created["id"])
    assert promoted["member_id"] == str(third.id)
    detail = await meetup.detail(fourth, created["id"])
    roles = {p["member_id"]: (p["role"], p["position"]) for p in detail["participants"]}
    assert roles[str(third.id)] == ("joined", None)
    assert roles[str(fourth.id)] == ("waitlisted", 1)
    assert str(second.id) not in roles


async def test_leaving_is_for_participants_and_never_for_the_host(meetup: MeetupDriver) -> None:
    host, stranger = await meetup.member(), await meetup.member()
    created = await meetup.create(host)
    path = f"{MEETUPS}/{created['id']}/participants/me"
    response = await meetup.client.delete(path, headers=stranger.headers)
    assert (response.status_code, response.json()["code"]) == (403, "meetup.not_participant")
    response = await meetup.client.delete(path, headers=host.headers)
    assert (response.status_code, response.json()["code"]) == (409, "meetup.host_cannot_leave")


async def test_an_overlapping_meetup_is_refused_and_says_which(meetup: MeetupDriver) -> None:
    host_a, host_b, walker = await meetup.member(), await meetup.member(), await meetup.member()
    start = utc_now() + timedelta(days=3)
    morning = await meetup.create(host_a, starts_at=start, title="아침 산책")
    overlapping = await meetup.create(host_b, starts_at=start + timedelta(minutes=30))
    after = await meetup.create(host_b, starts_at=start + timedelta(hours=2))
    assert (await meetup.join(walker, morning["id"])).status_code == 201
    clash = await meetup.join(walker, overlapping["id"])
    assert clash.status_code == 409
    assert clash.json()["code"] == "meetup.time_conflict"
    assert (clash.json()["meetup_id"], clash.json()["meetup_title"]) == (morning["id"], "아침 산책")
    assert (await meetup.join(walker, after["id"])).status_code == 201
    # Leaving the first frees the time.
    await meetup.client.delete(f"{MEETUPS}/{morning['id']}/participants/me", headers=walker.headers)
    assert (await meetup.join(walker, overlapping["id"])).status_code == 201


async def test_with_approval_the_host_decides_and_the_member_is_told(meetup: MeetupDriver) -> None:
    host, asker, other = await meetup.member(), await meetup.member(), await meetup.member()
    created = await meetup.create(host, approval_required=True)
    asked = await meetup.join(asker, created["id"])
    assert asked.json()["status"] == "requested"
    assert asked.json()["meetup"]["taken"] == 1
    # Only the host sees requests, and only the host decides.
    seen = await meetup.detail(other, created["id"])
    assert [p["role"] for p in seen["participants"]] == ["host"]
    decide = f"{MEETUPS}/{created['id']}/requests/{asker.id}"
    refused = await meetup.client.post(decide, json={"approve": True}, headers=asker.headers)
    assert refused.status_code == 403
    approved = await meetup.client.post(decide, json={"approve": True}, headers=host.headers)
    assert approved.json() == {"member_id": str(asker.id), "outcome": "joined"}
    [told] = await meetup.emitted("meetup.JoinRequestDecided", created["id"])
    assert (told["member_id"], told["outcome"]) == (str(asker.id), "joined")
    twice = await meetup.client.post(decide, json={"approve": False}, headers=host.headers)
    assert (twice.status_code, twice.json()["code"]) == (404, "meetup.request_not_found")
    await meetup.join(other, created["id"])
    declined = await meetup.client.post(
        f"{MEETUPS}/{created['id']}/requests/{other.id}",
        json={"approve": False},
        headers=host.headers,
    )
    assert declined.json()["outcome"] == "declined"
    assert (await meetup.detail(host, created["id"]))["taken"] == 2


async def test_blocked_members_never_see_each_others_meetups(meetup: MeetupDriver) -> None:
    host, blocker, blocked = await meetup.member(), await meetup.member(), await meetup.member()
    mine = await meetup.create(host)
    blockers = await meetup.create(blocker, starts_at=utc_now() + timedelta(days=4))
    await meetup.block(blocker, host)
    for viewer, meetup_id in ((blocker, mine["id"]), (host, blockers["id"])):
        response = await meetup.client.get(f"{MEETUPS}/{meetup_id}", headers=viewer.headers)
        assert response.status_code == 404
        joined = await meetup.join(viewer, meetup_id)
        assert joined.status_code == 404
    day = (utc_now() + timedelta(days=1)).date()
    params = {"from": str(day), "to": str(day + timedelta(days=4))}
    listed = await meetup.client.get(MEETUPS, params=params, headers=blocker.headers)
    assert mine["id"] not in [m["id"] for m in listed.json()["items"]]
    # A third member sees both, and a blocked participant is left out of the list.
    assert (await meetup.join(blocked, mine["id"])).status_code == 201
    await meetup.block(host, blocked)
    participants = (await meetup.detail(host, mine["id"]))["participants"]
    assert str(blocked.id) not in [p["member_id"] for p in participants]


async def test_suspended_members_cannot_join_or_create(meetup: MeetupDriver) -> None:
    host, suspended = await meetup.member(), await meetup.member()
    created = await meetup.create(host)
    now = utc_now()
    await meetup.publish(
        MemberSuspended(
            member_id=suspended.id,
            suspension_id=uuid.uuid4(),
            suspended_at=now,
            ends_at=now + timedelta(days=30),
        ),
        key=suspended.id,
    )

    async def refused() -> bool:
        # An empty body: before the suspension applies this is only a 422 (no meetup).
        response = await meetup.client.post(MEETUPS, json={}, headers=suspended.headers)
        return response.status_code == 403 and response.json()["code"] == "trust.suspended"

    await eventually(refused)
    response = await meetup.join(suspended, created["id"])
    assert (response.status_code, response.json()["code"]) == (403, "trust.suspended")
    # Reading goes on.
    assert (await meetup.detail(suspended, created["id"]))["taken"] == 1
