"""Schedules (모임 일정), repeating ones and RSVPs."""

import uuid
from datetime import date, datetime

from pydantic import AwareDatetime, BaseModel, Field

from mungmo.club.domain import Frequency
from mungmo.platform.http.fields import Omittable
from mungmo.platform.pagination import Page


class Recurrence(BaseModel):
    """Repeat, e.g. every Saturday: ``{"frequency": "weekly", "weekdays": ["SA"]}``.
    Bounded by ``count`` or ``until`` (a Seoul date), 12 times when neither is given."""

    frequency: Frequency
    interval: int = Field(default=1, ge=1, le=12)
    weekdays: list[str] = Field(default_factory=list, max_length=7)
    count: int | None = Field(default=None, ge=1, le=52)
    until: date | None = None


class ScheduleCreate(BaseModel):
    title: str = Field(min_length=1, max_length=60)
    starts_at: AwareDatetime
    place_name: str = Field(min_length=1, max_length=100)
    capacity: int | None = Field(default=None, ge=1, le=500)
    recurrence: Recurrence | None = None


class ScheduleUpdate(BaseModel):
    title: Omittable[str] = Field(default=None, min_length=1, max_length=60)
    starts_at: Omittable[AwareDatetime] = None
    place_name: Omittable[str] = Field(default=None, min_length=1, max_length=100)
    capacity: int | None = Field(default=None, ge=1, le=500)


class ScheduleRead(BaseModel):
    id: uuid.UUID
    club_id: uuid.UUID
    series_id: uuid.UUID | None
    title: str
    starts_at: datetime
    place_name: str
    capacity: int | None
    rsvp_count: int
    i_rsvped: bool


class SchedulePage(Page[ScheduleRead]): ...


class UpcomingSchedule(BaseModel):
    """홈: the next schedule of one of my clubs."""

    club_id: uuid.UUID
    club_title: str
    schedule: ScheduleRead


class UpcomingPage(Page[UpcomingSchedule]): ...
