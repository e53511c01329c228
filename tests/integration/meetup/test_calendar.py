"""Finding meetups: the calendar's day counts and lists with every filter (date range,
time of day, my 동 / 시군구 / distance, free places, dog size, quiet mode), 내 번개."""

from datetime import date, datetime, time, timedelta
from typing import Any

from mungmo.meetup.domain.geo import SEOUL, seoul_today
from mungmo.platform.clock import utc_now
from tests.support.meetup_app import MEETUPS, MeetupDriver, Member
from tests.support.regions import SAJIK

YEOKSAM_1 = "1168064000"
# Places: in 청운효자동, in 사직동 (same 종로구, ~1.3 km south), in 역삼1동 (강남구).
CHEONGUN_SPOT = (37.5851, 126.9690)
SAJIK_SPOT = (37.5736, 126.9705)
YEOKSAM_SPOT = (37.4958, 127.0330)


def at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=SEOUL)


async def _titles(meetup: MeetupDriver, viewer: Member, **params: Any) -> list[str]:
    response = await meetup.client.get(MEETUPS, params=params, headers=viewer.headers)
    assert response.status_code == 200, response.text
    return [item["title"] for item in response.json()["items"]]


async def test_the_calendar_filters_by_place_time_size_room_and_quiet(
    meetup: MeetupDriver,
) -> None:
    day = seoul_today(utc_now()) + timedelta(days=20)
    viewer = await meetup.member("보는이")
    here = [await meetup.member() for _ in range(4)]
    sajik, gangnam = await meetup.member(region=SAJIK), await meetup.member(region=YEOKSAM_1)
    await meetup.create(
        here[0], title="아침 소형견", starts_at=at(day, 8), dog_sizes=["small"], place=CHEONGUN_SPOT
    )
    full = await meetup.create(
        here[1], title="저녁 만석", starts_at=at(day, 19), capacity=2, place=CHEONGUN_SPOT
    )
    await meetup.join(here[3], full["id"])
    await meetup.create(
        here[2],
        title="조용한 산책",
        starts_at=at(day + timedelta(days=1), 13),
        quiet=True,
        capacity=3,
        place=CHEONGUN_SPOT,
    )
    await meetup.create(sajik, title="사직 산책", starts_at=at(day, 10), place=SAJIK_SPOT)
    await meetup.create(gangnam, title="강남 산책", starts_at=at(day, 11), place=YEOKSAM_SPOT)
    week = {"from": str(day), "to": str(day + timedelta(days=6))}

    assert await _titles(meetup, viewer, **week) == [
        "아침 소형견",
        "사직 산책",
        "저녁 만석",
        "조용한 산책",
    ]
    assert await _titles(meetup, viewer, **week, region="dong") == [
        "아침 소형견",
        "저녁 만석",
        "조용한 산책",
    ]
    near = await meetup.client.get(
        MEETUPS, params={**week, "region": "distance", "distance_km": 1}, headers=viewer.headers
    )
    assert [m["title"] for m in near.json()["items"]] == ["아침 소형견", "저녁 만석", "조용한 산책"]
    assert all(m["distance_m"] < 1000 for m in near.json()["items"])
    wider = await _titles(meetup, viewer, **week, region="distance", distance_km=15)
    assert wider == ["아침 소형견", "사직 산책", "강남 산책", "저녁 만석", "조용한 산책"]
    one_day = {"from": str(day), "to": str(day)}
    assert await _titles(meetup, viewer, **one_day, time_of_day="morning") == [
        "아침 소형견",
        "사직 산책",
    ]
    assert await _titles(meetup, viewer, **one_day, time_of_day="evening") == ["저녁 만석"]
    assert "저녁 만석" not in await _titles(meetup, viewer, **week, free_only=True)
    assert "아침 소형견" not in await _titles(meetup, viewer, **week, dog_size="large")
    assert "아침 소형견" in await _titles(meetup, viewer, **week, dog_size="small")
    assert await _titles(meetup, viewer, **week, quiet=True) == ["조용한 산책"]

    calendar = await meetup.client.get(f"{MEETUPS}/calendar", params=week, headers=viewer.headers)
    assert calendar.json()["days"] == [
        {"date": str(day), "count": 3},
        {"date": str(day + timedelta(days=1)), "count": 1},
    ]
    near_days = await meetup.client.get(
        f"{MEETUPS}/calendar",
        params={**week, "region": "distance", "distance_km": 1, "quiet": True},
        headers=viewer.headers,
    )
    assert near_days.json()["days"] == [{"date": str(day + timedelta(days=1)), "count": 1}]


async def test_bad_ranges_and_unverified_members_are_refused(meetup: MeetupDriver) -> None:
    viewer, newcomer = await meetup.member(), await meetup.member(region=None)
    today = seoul_today(utc_now())
    long = {"from": str(today), "to": str(today + timedelta(days=70))}
    response = await meetup.client.get(f"{MEETUPS}/calendar", params=long, headers=viewer.headers)
    assert (response.status_code, response.json()["code"]) == (422, "meetup.range_too_long")
    backwards = {"from": str(today), "to": str(today - timedelta(days=1))}
    response = await meetup.client.get(MEETUPS, params=backwards, headers=viewer.headers)
    assert response.status_code == 422
    response = await meetup.client.get(
        MEETUPS, params={"from": str(today), "to": str(today)}, headers=newcomer.headers
    )
    assert (response.status_code, response.json()["code"]) == (422, "meetup.neighbourhood_unknown")
    response = await meetup.client.get(
        MEETUPS,
        params={"from": str(today), "to": str(today), "cursor": "bogus"},
        headers=viewer.headers,
    )
    assert (response.status_code, response.json()["code"]) == (422, "request.cursor_invalid")
    not_onboarded = meetup.headers(viewer.id, onboarded=False)
    response = await meetup.client.get(
        MEETUPS, params={"from": str(today), "to": str(today)}, headers=not_onboarded
    )
    assert response.status_code == 403


async def test_pages_follow_the_start_and_my_meetups_list_what_i_take_part_in(
    meetup: MeetupDriver,
) -> None:
    day = seoul_today(utc_now()) + timedelta(days=30)
    hosts = [await meetup.member() for _ in range(5)]
    walker = await meetup.member()
    made = [
        await meetup.create(host, title=f"산책 {n}", starts_at=at(day, 8 + n))
        for n, host in enumerate(hosts)
    ]
    params: dict[str, str | int] = {"from": str(day), "to": str(day), "limit": 2}
    seen: list[str] = []
    cursor = None
    while True:
        page = await meetup.client.get(
            MEETUPS,
            params={**params, "cursor": cursor} if cursor else params,
            headers=walker.headers,
        )
        seen += [m["title"] for m in page.json()["items"]]
        cursor = page.json()["next_cursor"]
        if cursor is None:
            break
    assert seen == [f"산책 {n}" for n in range(5)]
    for chosen in (made[3], made[1]):
        await meetup.join(walker, chosen["id"])
    mine = await meetup.client.get(f"{MEETUPS}/mine", headers=walker.headers)
    assert [(m["title"], m["my_status"]) for m in mine.json()["items"]] == [
        ("산책 1", "joined"),
        ("산책 3", "joined"),
    ]
    past = await meetup.client.get(
        f"{MEETUPS}/mine", params={"when": "past"}, headers=walker.headers
    )
    assert past.json()["items"] == []
