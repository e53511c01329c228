"""A member's meetups as an iCalendar (RFC 5545) feed, made with the icalendar package.
Times are written in Asia/Seoul with the zone's VTIMEZONE, so a phone shows them right."""

import uuid
from dataclasses import dataclass
from datetime import datetime

from icalendar import Calendar, Event, Timezone

from mungmo.meetup.domain.geo import SEOUL


@dataclass(frozen=True)
class FeedEntry:
    meetup_id: uuid.UUID
    title: str
    body: str
    place_name: str
    latitude: float
    longitude: float
    starts_at: datetime
    ends_at: datetime
    updated_at: datetime
    url: str
    cancelled: bool


def build_feed(entries: list[FeedEntry], *, name: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//MungMo//meetups//KO")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Asia/Seoul")
    calendar.add_component(Timezone.from_tzinfo(SEOUL, "Asia/Seoul"))
    for entry in entries:
        event = Event()
        event.add("uid", f"{entry.meetup_id}@mungmo")
        event.add("summary", entry.title)
        event.add("description", f"{entry.body}\n\n{entry.url}".strip())
        event.add("location", entry.place_name)
        event.add("geo", (entry.latitude, entry.longitude))
        event.add("dtstart", entry.starts_at.astimezone(SEOUL))
        event.add("dtend", entry.ends_at.astimezone(SEOUL))
        event.add("dtstamp", entry.updated_at)
        event.add("last-modified", entry.updated_at)
        event.add("url", entry.url)
        event.add("status", "CANCELLED" if entry.cancelled else "CONFIRMED")
        calendar.add_component(event)
    document: bytes = calendar.to_ical()
    return document
