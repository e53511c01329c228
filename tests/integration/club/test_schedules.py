"""Schedules: one or a repeating series (every Saturday 8:00 at 한강공원), the
calendar's window, RSVP within capacity, edits, and the reminder before each."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from mungmo.platform.clock import utc_now
from tests.integration.club.driver import ClubDriver, club_events
from tests.support.polling import eventually

SEOUL = ZoneInfo("Asia/Seoul")


def _next_saturday_8() -> datetime:
    today = utc_now().astimezone(SEOUL).date() + timedelta(days=1)
    saturday = today + timedelta(days=(5 - today.weekday()) % 7)
    return datetime(saturday.year, saturday.month, saturday.day, 8, 0, tzinfo=SEOUL)


async def test_every_saturday_at_8_becomes_a_series_of_schedules(clubs: ClubDriver) -> None:
    owner, member = await clubs.people("반복관리자", "반복회원")
    club = await clubs.create_club(owner)
    await clubs.join(club["id"], member)
    first = _next_saturday_8()
    made = await clubs.schedule(
        club["id"],
        owner,
        starts_at=first,
        title="토요 산책",
        place_name="한강공원",
        capacity=8,
        recurrence={"frequency": "weekly", "weekdays": ["SA"], "count": 4},
    )
    starts = [datetime.fromisoformat(s["starts_at"]).astimezone(SEOUL) for s in made]
    assert [(s.weekday(), s.hour, s.minute) for s in starts] == [(5, 8, 0)] * 4
    assert [s.date() for s in starts] == [first.date() + timedelta(weeks=n) for n in range(4)]
    assert len({s["series_id"] for s in made}) == 1

    # The calendar asks for a window (two weeks from the first).
    window = await clubs.client.get(
        f"/api/v1/clubs/{club['id']}/schedules",
        params={"from": first.isoformat(), "before": (first + timedelta(days=14)).isoformat()},
        headers=member.headers,
    )
    assert [s["id"] for s in window.json()["items"]] == [s["id"] for s in made[:2]]
    # Each occurrence is announced to the members but its creator.
    created = [
        e for e in await club_events(clubs, "ClubScheduleCreated") if e["club_id"] == club["id"]
    ]
    assert len(created) == 4 and all(e["member_ids"] == [str(member.id)] for e in created)

    upcoming = await clubs.client.get("/api/v1/clubs/mine/upcoming", headers=member.headers)
    assert upcoming.json()["items"][0]["schedule"]["id"] == made[0]["id"]
    assert upcoming.json()["items"][0]["club_title"] == club["title"]


async def test_rsvps_stop_at_capacity_and_a_cancel_frees_a_place(clubs: ClubDriver) -> None:
    owner, first, second = await clubs.people("정원관리자", "첫참석", "둘째참석")
    club = await clubs.create_club(owner)
    for person in (first, second):
        await clubs.join(club["id"], person)
    (schedule,) = await clubs.schedule(club["id"], owner, capacity=1)
    url = f"/api/v1/clubs/{club['id']}/schedules/{schedule['id']}"
    taken = await clubs.client.put(f"{url}/rsvp", headers=first.headers)
    assert (taken.json()["rsvp_count"], taken.json()["i_rsvped"]) == (1, True)
    again = await clubs.client.put(f"{url}/rsvp", headers=first.headers)
    assert again.json()["rsvp_count"] == 1  # saying it twice takes one place
    full = await clubs.client.put(f"{url}/rsvp", headers=second.headers)
    assert (full.status_code, full.json()["code"]) == (409, "club.schedule_full")
    shrink = await clubs.client.patch(url, json={"capacity": 1}, headers=owner.headers)
    assert shrink.status_code == 200
    cancelled = await clubs.client.delete(f"{url}/rsvp", headers=first.headers)
    assert cancelled.json()["rsvp_count"] == 0
    assert (await clubs.client.put(f"{url}/rsvp", headers=second.headers)).status_code == 200
    under = await clubs.client.patch(url, json={"capacity": 1}, headers=owner.headers)
    assert under.status_code == 200
    await clubs.client.patch(url, json={"capacity": 2}, headers=owner.headers)
    await clubs.client.put(f"{url}/rsvp", headers=first.headers)
    below = await clubs.client.patch(url, json={"capacity": 1}, headers=owner.headers)
    assert (below.status_code, below.json()["code"]) == (409, "club.capacity_below_rsvps")


async def test_a_reminder_goes_to_those_coming_before_the_start(clubs: ClubDriver) -> None:
    owner, coming, not_coming = await clubs.people("알림관리자", "오는회원", "안오는회원")
    club = await clubs.create_club(owner)
    for person in (coming, not_coming):
        await clubs.join(club["id"], person)
    # The reminder is due two hours before; this one's is due in two seconds.
    starts = utc_now() + timedelta(hours=2, seconds=2)
    (schedule,) = await clubs.schedule(club["id"], owner, starts_at=starts, title="알림 산책")
    rsvp = await clubs.client.put(
        f"/api/v1/clubs/{club['id']}/schedules/{schedule['id']}/rsvp", headers=coming.headers
    )
    assert rsvp.status_code == 200

    async def reminders() -> list[dict[str, object]]:
        found = await club_events(clubs, "ClubScheduleReminderDue")
        return [e for e in found if e["schedule_id"] == schedule["id"]]

    (reminder,) = await eventually(reminders, timeout=15)
    assert reminder["member_ids"] == [str(coming.id)]
    assert reminder["title"] == "알림 산책" and reminder["place_name"] == "여의도 한강공원"


async def test_a_moved_schedule_is_reminded_at_its_new_time_only(clubs: ClubDriver) -> None:
    (owner,) = await clubs.people("이동관리자")
    club = await clubs.create_club(owner)
    (schedule,) = await clubs.schedule(club["id"], owner, starts_at=utc_now() + timedelta(days=2))
    moved_to = utc_now() + timedelta(hours=2, seconds=1)
    moved = await clubs.client.patch(
        f"/api/v1/clubs/{club['id']}/schedules/{schedule['id']}",
        json={"starts_at": moved_to.isoformat(), "place_name": "서울숲"},
        headers=owner.headers,
    )
    assert moved.status_code == 200 and moved.json()["place_name"] == "서울숲"

    async def reminders() -> list[dict[str, object]]:
        found = await club_events(clubs, "ClubScheduleReminderDue")
        return [e for e in found if e["schedule_id"] == schedule["id"]]

    (reminder,) = await eventually(reminders, timeout=15)
    assert datetime.fromisoformat(str(reminder["starts_at"])) == moved_to
    deleted = await clubs.client.delete(
        f"/api/v1/clubs/{club['id']}/schedules/{schedule['id']}", headers=owner.headers
    )
    assert deleted.status_code == 204
    gone = await clubs.client.get(f"/api/v1/clubs/{club['id']}/schedules", headers=owner.headers)
    assert gone.json()["items"] == []
