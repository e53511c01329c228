"""Attendance and after: check-in by position or the host's code during the window, the
host's confirmation, NoShowRecorded once per no-show by the job at the window's end,
ratings between attendees (trust's 발도장 moves) and the review post."""

from datetime import timedelta
from functools import partial
from typing import Any

from mungmo.platform.clock import utc_now
from tests.integration.meetup.conftest import SHORT
from tests.support.meetup_app import MEETUPS, NEAR_PLACE, MeetupDriver, Member
from tests.support.member_app import FakeClock
from tests.support.polling import eventually

GANGNAM = (37.4979, 127.0276)


async def _ended(meetup: MeetupDriver, meetup_id: str) -> list[dict[str, Any]]:
    """Waits for the window's end job: the no-shows it recorded."""

    async def closed() -> bool:
        detail = await meetup.client.get(f"{MEETUPS}/{meetup_id}", headers=meetup.headers_any)
        return detail.json()["phase"] == "after" and bool(await meetup.attendance_closed(meetup_id))

    await eventually(closed, timeout=20)
    return await meetup.emitted("meetup.NoShowRecorded", meetup_id)


async def _short_meetup(meetup: MeetupDriver, host: Member, **overrides: Any) -> dict[str, Any]:
    return await meetup.create(host, starts_at=utc_now(), duration_minutes=SHORT, **overrides)


async def test_check_in_only_near_the_place_or_with_the_hosts_code(meetup: MeetupDriver) -> None:
    host, near, coded, stranger = [await meetup.member() for _ in range(4)]
    created = await meetup.create(host, starts_at=utc_now(), duration_minutes=30)
    for member in (near, coded):
        assert (await meetup.join(member, created["id"])).status_code == 201
    path = f"{MEETUPS}/{created['id']}/check-ins"
    far = await meetup.client.post(
        path, json={"latitude": GANGNAM[0], "longitude": GANGNAM[1]}, headers=near.headers
    )
    assert (far.status_code, far.json()["code"]) == (422, "meetup.too_far")
    here = {"latitude": NEAR_PLACE[0] + 0.001, "longitude": NEAR_PLACE[1]}
    done = await meetup.client.post(path, json=here, headers=near.headers)
    assert (done.status_code, done.json()["method"]) == (200, "position")
    outsider = await meetup.client.post(path, json=here, headers=stranger.headers)
    assert outsider.status_code == 403
    nothing = await meetup.client.post(path, json={}, headers=coded.headers)
    assert nothing.status_code == 422

    code_path = f"{MEETUPS}/{created['id']}/check-in-code"
    assert (await meetup.client.get(code_path, headers=coded.headers)).status_code == 403
    qr = (await meetup.client.get(code_path, headers=host.headers)).json()
    assert qr["path"] == f"/meetups/{created['id']}/check-in?code={qr['code']}"
    wrong = await meetup.client.post(path, json={"code": "x" * 32}, headers=coded.headers)
    assert (wrong.status_code, wrong.json()["code"]) == (403, "meetup.check_in_code_invalid")
    right = await meetup.client.post(path, json={"code": qr["code"]}, headers=coded.headers)
    assert right.json()["method"] == "code"

    shown = {p["member_id"]: p for p in (await meetup.detail(host, created["id"]))["participants"]}
    assert shown[str(near.id)]["checked_in"] is True
    assert shown[str(coded.id)]["checked_in"] is True
    # Others do not see who checked in.
    assert (await meetup.detail(near, created["id"]))["participants"][0]["checked_in"] is None


async def test_check_in_waits_for_the_window(meetup: MeetupDriver) -> None:
    host, walker = await meetup.member(), await meetup.member()
    created = await meetup.create(host)  # tomorrow
    await meetup.join(walker, created["id"])
    early = await meetup.client.post(
        f"{MEETUPS}/{created['id']}/check-ins",
        json={"latitude": NEAR_PLACE[0], "longitude": NEAR_PLACE[1]},
        headers=walker.headers,
    )
    assert (early.status_code, early.json()["code"]) == (409, "meetup.check_in_closed")


async def test_no_shows_are_recorded_once_and_attendees_rate_each_other(
    meetup: MeetupDriver,
) -> None:
    host, walker, confirmed, absent = [await meetup.member() for _ in range(4)]
    created = await _short_meetup(meetup, host, capacity=5)
    meetup_id = created["id"]
    for member in (walker, confirmed, absent):
        assert (await meetup.join(member, meetup_id)).status_code == 201
    here = {"latitude": NEAR_PLACE[0], "longitude": NEAR_PLACE[1]}
    checked = await meetup.client.post(
        f"{MEETUPS}/{meetup_id}/check-ins", json=here, headers=walker.headers
    )
    assert checked.status_code == 200, checked.text
    listed = await meetup.client.put(
        f"{MEETUPS}/{meetup_id}/attendance",
        json={"member_ids": [str(confirmed.id)]},
        headers=host.headers,
    )
    assert sorted(listed.json()) == sorted([str(host.id), str(confirmed.id)])
    early = await meetup.client.put(
        f"{MEETUPS}/{meetup_id}/ratings/{host.id}", json={"stars": 5}, headers=walker.headers
    )
    assert early.status_code == 409

    no_shows = await _ended(meetup, meetup_id)
    assert [e["member_id"] for e in no_shows] == [str(absent.id)]

    # The absent member rates nobody and is rated by nobody.
    rate = f"{MEETUPS}/{meetup_id}/ratings"
    response = await meetup.client.put(
        f"{rate}/{host.id}", json={"stars": 1}, headers=absent.headers
    )
    assert (response.status_code, response.json()["code"]) == (403, "meetup.not_attendee")
    response = await meetup.client.put(
        f"{rate}/{absent.id}", json={"stars": 1}, headers=host.headers
    )
    assert response.status_code == 403
    response = await meetup.client.put(
        f"{rate}/{walker.id}", json={"stars": 3}, headers=walker.headers
    )
    assert (response.status_code, response.json()["code"]) == (422, "meetup.cannot_rate_self")
    first = await meetup.client.put(
        f"{rate}/{host.id}", json={"stars": 5, "text": "즐거웠어요"}, headers=walker.headers
    )
    assert first.status_code == 201
    changed = await meetup.client.put(
        f"{rate}/{host.id}", json={"stars": 4, "text": "좋았어요"}, headers=walker.headers
    )
    assert changed.status_code == 200
    assert changed.json()["review_id"] == first.json()["review_id"]
    back = await meetup.client.put(f"{rate}/{walker.id}", json={"stars": 5}, headers=host.headers)
    assert back.status_code == 201
    reviews = await meetup.emitted("meetup.MeetupReviewSubmitted", meetup_id)
    assert [(r["reviewer_id"], r["stars"]) for r in reviews] == [
        (str(walker.id), 5),
        (str(walker.id), 4),
        (str(host.id), 5),
    ]
    assert reviews[0]["review_id"] == reviews[1]["review_id"]

    # Trust applies them: 30 + round(5 / 2) for both; the changed rating counted once;
    # the no-show costs 3.
    async def scores() -> list[int | None]:
        found = []
        for member in (host, walker, absent):
            response = await meetup.client.get("/api/v1/trust-scores/me", headers=member.headers)
            found.append(response.json().get("score") if response.status_code == 200 else None)
        return found

    await eventually(scores, until=lambda found: found == [33, 33, 27], timeout=20)

    # After the window the host's list is closed too.
    late = await meetup.client.put(
        f"{MEETUPS}/{meetup_id}/attendance", json={"member_ids": []}, headers=host.headers
    )
    assert (late.status_code, late.json()["code"]) == (409, "meetup.check_in_closed")

    # A rating cannot be changed after 24 hours.
    clock = FakeClock()
    clock.advance(timedelta(hours=25))
    original = meetup.meetups.uow
    meetup.meetups.uow = partial(original, clock=clock)
    try:
        locked = await meetup.client.put(
            f"{rate}/{host.id}", json={"stars": 1}, headers=walker.headers
        )
        assert (locked.status_code, locked.json()["code"]) == (409, "meetup.rating_locked")
    finally:
        meetup.meetups.uow = original
    mine = (await meetup.detail(walker, meetup_id))["my_ratings"]
    assert [(r["member_id"], r["stars"]) for r in mine] == [(str(host.id), 4)]


async def test_an_attendee_writes_the_review_post_once(meetup: MeetupDriver) -> None:
    host, walker = await meetup.member(), await meetup.member()
    created = await _short_meetup(meetup, host)
    meetup_id = created["id"]
    await meetup.join(walker, meetup_id)
    await meetup.client.post(
        f"{MEETUPS}/{meetup_id}/check-ins",
        json={"latitude": NEAR_PLACE[0], "longitude": NEAR_PLACE[1]},
        headers=walker.headers,
    )
    await _ended(meetup, meetup_id)
    body = {"title": "즐거운 산책", "content": "**또** 만나요", "media_ids": []}
    path = f"{MEETUPS}/{meetup_id}/review-post"
    refused = await meetup.client.post(path, json=body, headers=host.headers)
    assert (refused.status_code, refused.json()["code"]) == (403, "meetup.not_attendee")
    written = await meetup.client.post(path, json=body, headers=walker.headers)
    assert written.status_code == 201
    [event] = await meetup.emitted("meetup.MeetupReviewPostWritten", meetup_id)
    assert event["post_id"] == written.json()["post_id"]
    assert (event["author_id"], event["region_code"]) == (str(walker.id), "1111051500")
    assert (event["content"], event["meetup_title"]) == ("**또** 만나요", created["title"])
    again = await meetup.client.post(path, json=body, headers=walker.headers)
    assert (again.status_code, again.json()["code"]) == (409, "meetup.review_post_exists")
    assert (await meetup.detail(walker, meetup_id))["wrote_review_post"] is True
