"""Hosting: only a verified 동 creates; bad input changes nothing; only the host edits
and cancels, and participants are told through events."""

import uuid
from datetime import timedelta

from mungmo.platform.clock import utc_now
from tests.support.meetup_app import MEETUPS, MeetupDriver, meetup_body


async def test_a_member_with_a_verified_neighbourhood_hosts_a_meetup(meetup: MeetupDriver) -> None:
    host = await meetup.member("호스트")
    created = await meetup.create(host, capacity=5, dog_sizes=["large", "small"], quiet=False)
    assert created["region_code"] == "1111051500"
    assert created["region_name"] == "서울특별시 종로구 청운효자동"
    assert (created["capacity"], created["taken"], created["free_places"]) == (5, 1, 4)
    assert created["dog_sizes"] == ["small", "large"]
    assert created["my_status"] == "host"
    detail = await meetup.detail(host, created["id"])
    assert [p["role"] for p in detail["participants"]] == ["host"]
    assert detail["participants"][0]["nickname"] == "호스트"
    assert detail["share_path"] == f"/meetups/{created['id']}"
    assert detail["phase"] == "before"


async def test_without_a_verified_neighbourhood_no_meetup_is_made(meetup: MeetupDriver) -> None:
    newcomer = await meetup.member("새내기", region=None)
    response = await meetup.client.post(MEETUPS, json=meetup_body(), headers=newcomer.headers)
    assert response.status_code == 403
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["code"] == "meetup.neighbourhood_required"
    mine = await meetup.client.get(f"{MEETUPS}/mine", headers=newcomer.headers)
    assert mine.json()["items"] == []


async def test_impossible_meetups_are_refused_with_a_clear_code(meetup: MeetupDriver) -> None:
    host = await meetup.member()
    cases = [
        (meetup_body(duration_minutes=45), 422, "meetup.window_invalid"),
        (meetup_body(starts_at=utc_now() - timedelta(hours=1)), 422, "meetup.window_invalid"),
        (meetup_body(starts_at=utc_now() + timedelta(days=90)), 422, "meetup.window_invalid"),
        (meetup_body(quiet=True, capacity=8), 422, "meetup.quiet_too_large"),
        (meetup_body(capacity=1), 422, "validation.failed"),
        (meetup_body(latitude=48.0), 422, "validation.failed"),
        (meetup_body(dog_sizes=["small", "small"]), 422, "validation.failed"),
    ]
    for body, status, code in cases:
        response = await meetup.client.post(MEETUPS, json=body, headers=host.headers)
        assert (response.status_code, response.json()["code"]) == (status, code), body
    mine = await meetup.client.get(f"{MEETUPS}/mine", headers=host.headers)
    assert mine.json()["items"] == []


async def test_a_host_cannot_host_two_meetups_at_once(meetup: MeetupDriver) -> None:
    host = await meetup.member()
    start = utc_now() + timedelta(days=2)
    first = await meetup.create(host, starts_at=start)
    clash = await meetup.client.post(
        MEETUPS, json=meetup_body(starts_at=start + timedelta(minutes=30)), headers=host.headers
    )
    assert clash.status_code == 409
    assert clash.json()["code"] == "meetup.time_conflict"
    assert clash.json()["meetup_id"] == first["id"]


async def test_only_the_host_edits_and_participants_are_told(meetup: MeetupDriver) -> None:
    host, walker, other = await meetup.member(), await meetup.member(), await meetup.member()
    created = await meetup.create(host)
    assert (await meetup.join(walker, created["id"])).status_code == 201
    one = f"{MEETUPS}/{created['id']}"
    refused = await meetup.client.patch(one, json={"title": "내 번개"}, headers=other.headers)
    assert (refused.status_code, refused.json()["code"]) == (403, "meetup.not_host")
    also = await meetup.client.post(f"{one}/cancel", headers=walker.headers)
    assert (also.status_code, also.json()["code"]) == (403, "meetup.not_host")
    null = await meetup.client.patch(one, json={"title": None}, headers=host.headers)
    assert null.status_code == 422
    later = utc_now() + timedelta(days=1, hours=3)
    changed = await meetup.client.patch(
        one,
        json={"title": "저녁 산책", "starts_at": later.isoformat(), "place_name": "사직공원"},
        headers=host.headers,
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["title"] == "저녁 산책"
    [event] = await meetup.emitted("meetup.MeetupChanged", created["id"])
    assert event["changed"] == ["place", "time", "title"]
    assert event["member_ids"] == [str(walker.id)]
    small = await meetup.client.patch(one, json={"capacity": 2}, headers=host.headers)
    assert small.status_code == 200
    full = await meetup.client.patch(one, json={"capacity": 2, "quiet": True}, headers=host.headers)
    assert full.status_code == 200


async def test_cancelling_tells_everyone_and_ends_joining(meetup: MeetupDriver) -> None:
    host, walker, late = await meetup.member(), await meetup.member(), await meetup.member()
    created = await meetup.create(host)
    await meetup.join(walker, created["id"])
    cancelled = await meetup.client.post(f"{MEETUPS}/{created['id']}/cancel", headers=host.headers)
    assert cancelled.json()["status"] == "cancelled"
    [event] = await meetup.emitted("meetup.MeetupCancelled", created["id"])
    assert event["member_ids"] == [str(walker.id)]
    refused = await meetup.join(late, created["id"])
    assert (refused.status_code, refused.json()["code"]) == (409, "meetup.cancelled")
    again = await meetup.client.post(f"{MEETUPS}/{created['id']}/cancel", headers=host.headers)
    assert again.status_code == 409


async def test_an_unknown_meetup_is_not_found(meetup: MeetupDriver) -> None:
    member = await meetup.member()
    response = await meetup.client.get(f"{MEETUPS}/{uuid.uuid4()}", headers=member.headers)
    assert (response.status_code, response.json()["code"]) == (404, "meetup.not_found")
