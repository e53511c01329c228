"""The private ICS feed: it opens in a standard parser (icalendar) with the times in
Asia/Seoul; a new address replaces the old one; a revoked one stops working."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar

from mungmo.meetup.domain.geo import SEOUL, seoul_today
from mungmo.platform.clock import utc_now
from tests.support.meetup_app import MEETUPS, MeetupDriver

FEED = "/api/v1/meetup-feeds/me"


async def test_my_feed_lists_my_meetups_in_seoul_time(meetup: MeetupDriver) -> None:
    host, walker, other = await meetup.member(), await meetup.member(), await meetup.member()
    day = seoul_today(utc_now()) + timedelta(days=5)
    start = datetime.combine(day, time(19, 30), tzinfo=SEOUL)
    hosted = await meetup.create(host, title="저녁 번개", starts_at=start, duration_minutes=90)
    await meetup.create(other, title="남의 번개", starts_at=start + timedelta(days=1))
    await meetup.join(walker, hosted["id"])

    created = await meetup.client.post(FEED, headers=walker.headers)
    assert created.status_code == 201
    path = created.json()["path"]
    assert path.startswith("/api/v1/meetup-feeds/") and path.endswith(".ics")
    response = await meetup.client.get(path)  # no sign-in: the address is the key
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/calendar")

    calendar = Calendar.from_ical(response.content)
    events = list(calendar.walk("VEVENT"))
    assert [str(e["SUMMARY"]) for e in events] == ["저녁 번개"]
    [event] = events
    starts, ends = event.decoded("DTSTART"), event.decoded("DTEND")
    assert (starts.hour, starts.minute, ends.hour, ends.minute) == (19, 30, 21, 0)
    assert starts.utcoffset() == timedelta(hours=9)
    assert starts == start and ends == start + timedelta(minutes=90)
    assert str(event["DTSTART"].params["TZID"]) == "Asia/Seoul"
    assert starts.astimezone(ZoneInfo("UTC")).hour == 10
    assert str(event["LOCATION"]) == "청운공원 입구"
    assert str(event["URL"]).endswith(f"/meetups/{hosted['id']}")
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Asia/Seoul"]

    # Cancelled: the event stays, marked, so a phone's calendar removes it.
    await meetup.client.post(f"{MEETUPS}/{hosted['id']}/cancel", headers=host.headers)
    again = Calendar.from_ical((await meetup.client.get(path)).content)
    assert [str(e["STATUS"]) for e in again.walk("VEVENT")] == ["CANCELLED"]


async def test_a_new_address_replaces_the_old_and_revoking_ends_it(meetup: MeetupDriver) -> None:
    walker = await meetup.member()
    first = (await meetup.client.post(FEED, headers=walker.headers)).json()["path"]
    second = (await meetup.client.post(FEED, headers=walker.headers)).json()["path"]
    assert first != second
    gone = await meetup.client.get(first)
    assert (gone.status_code, gone.json()["code"]) == (404, "meetup.feed_not_found")
    assert (await meetup.client.get(second)).status_code == 200
    assert (await meetup.client.delete(FEED, headers=walker.headers)).status_code == 204
    assert (await meetup.client.get(second)).status_code == 404
    assert (await meetup.client.delete(FEED, headers=walker.headers)).status_code == 404
    guessed = await meetup.client.get("/api/v1/meetup-feeds/not-a-token.ics")
    assert guessed.status_code == 404
