"""Meetup API shapes: what a host sends, what the calendar and a meetup's page show."""

import uuid
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, AwareDatetime, BaseModel, Field, StringConstraints

from mungmo.platform.http.fields import Omittable
from mungmo.platform.pagination import Page

DogSize = Literal["small", "medium", "large"]
ALL_SIZES: tuple[DogSize, ...] = ("small", "medium", "large")
Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=60)]
Body = Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)]
PlaceName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)]
Latitude = Annotated[float, Field(ge=33.0, le=39.0, description="WGS84, within Korea")]
Longitude = Annotated[float, Field(ge=124.0, le=132.0, description="WGS84, within Korea")]


def _distinct_sizes(sizes: list[DogSize]) -> list[DogSize]:
    if len(set(sizes)) != len(sizes):
        raise ValueError("each size may appear only once")
    return sorted(sizes, key=["small", "medium", "large"].index)


DogSizes = Annotated[
    list[DogSize], Field(min_length=1, max_length=3), AfterValidator(_distinct_sizes)
]


class MeetupCreate(BaseModel):
    title: Title
    body: Body = ""
    starts_at: AwareDatetime = Field(description="The window's start (any offset; shown in Seoul).")
    duration_minutes: float = Field(gt=0, description="One of the durations the settings offer.")
    place_name: PlaceName
    latitude: Latitude
    longitude: Longitude
    capacity: int = Field(ge=2, le=30, description="Participants including the host.")
    approval_required: bool = False
    dog_sizes: DogSizes = Field(default_factory=lambda: list(ALL_SIZES))
    quiet: bool = Field(default=False, description="A small parallel walk for reactive dogs.")


class MeetupUpdate(BaseModel):
    title: Omittable[Title] = None
    body: Omittable[Body] = None
    starts_at: Omittable[AwareDatetime] = None
    duration_minutes: Omittable[float] = Field(default=None, gt=0)
    place_name: Omittable[PlaceName] = None
    latitude: Omittable[Latitude] = None
    longitude: Omittable[Longitude] = None
    capacity: Omittable[int] = Field(default=None, ge=2, le=30)
    approval_required: Omittable[bool] = None
    dog_sizes: Omittable[DogSizes] = None
    quiet: Omittable[bool] = None


MyStatus = Literal["host", "joined", "waitlisted", "requested", "declined", "left", "none"]


class MeetupRead(BaseModel):
    id: uuid.UUID
    title: str
    starts_at: datetime
    ends_at: datetime
    place_name: str
    latitude: float
    longitude: float
    region_code: str
    region_name: str
    capacity: int
    taken: int
    free_places: int
    waitlisted: int = 0
    approval_required: bool
    dog_sizes: list[DogSize]
    quiet: bool
    status: Literal["open", "cancelled"]
    host_id: uuid.UUID
    host_nickname: str
    my_status: MyStatus = "none"
    distance_m: float | None = Field(default=None, description="From my 동's centre.")


class MeetupPage(Page[MeetupRead]): ...


class PublicDogRead(BaseModel):
    """A participant's dog: only the fields its owner made public (others are absent)."""

    id: uuid.UUID
    name: str | None = None
    breed: str | None = None
    size: DogSize | None = None
    photo_url: str | None = None
    traits: list[str] | None = None
    muzzle: bool | None = None
    energy_level: int | None = None
    play_style: str | None = None


class CompatibilityHint(BaseModel):
    """What to know about this participant's dog for one of my dogs."""

    my_dog_id: uuid.UUID
    code: Literal[
        "size_differs", "good_with_big_dogs", "good_with_small_dogs", "muzzle", "energy_differs"
    ]


class ParticipantRead(BaseModel):
    member_id: uuid.UUID
    nickname: str
    photo_url: str | None
    photo_thumbnail_url: str | None
    role: Literal["host", "joined", "waitlisted", "requested"]
    position: int | None = Field(default=None, description="Place on the waitlist (1 = next).")
    dogs: list[PublicDogRead]
    hints: list[CompatibilityHint] = Field(default_factory=list)
    checked_in: bool | None = Field(default=None, description="Shown to the host only.")
    confirmed: bool | None = Field(default=None, description="Shown to the host only.")
    attended: bool | None = Field(default=None, description="After the end, to attendees.")


class MyRatingRead(BaseModel):
    member_id: uuid.UUID
    review_id: uuid.UUID
    stars: int
    text: str
    changeable_until: datetime


class MeetupDetailRead(MeetupRead):
    body: str
    participants: list[ParticipantRead]
    share_path: str
    phase: Literal["before", "during", "after"]
    attended: bool = Field(description="I checked in or the host confirmed me.")
    my_ratings: list[MyRatingRead] = Field(default_factory=list)
    wrote_review_post: bool = False


class CalendarDayRead(BaseModel):
    date: date
    count: int


class CalendarRead(BaseModel):
    days: list[CalendarDayRead]


class JoinRead(BaseModel):
    status: Literal["joined", "waitlisted", "requested"]
    position: int | None = None
    meetup: MeetupRead


class RequestDecision(BaseModel):
    approve: bool


class DecisionRead(BaseModel):
    member_id: uuid.UUID
    outcome: Literal["joined", "waitlisted", "declined"]


class CheckInCreate(BaseModel):
    """Either a position (coarse, used once and never kept) or the host's QR code."""

    latitude: Latitude | None = None
    longitude: Longitude | None = None
    code: Annotated[str, StringConstraints(min_length=8, max_length=64)] | None = None


class CheckInRead(BaseModel):
    checked_in_at: datetime
    method: Literal["position", "code"]


class CheckInCodeRead(BaseModel):
    code: str
    path: str = Field(description="The app page the QR code opens (prefix the app's origin).")


class AttendanceUpdate(BaseModel):
    member_ids: list[uuid.UUID] = Field(max_length=30, description="Who was there.")


class RatingPut(BaseModel):
    stars: int = Field(ge=1, le=5)
    text: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] = ""


class ReviewPostCreate(BaseModel):
    title: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
    content: Annotated[str, StringConstraints(min_length=1, max_length=20_000)]
    media_ids: list[uuid.UUID] = Field(default_factory=list, max_length=10)


class ReviewPostRead(BaseModel):
    post_id: uuid.UUID


class FeedRead(BaseModel):
    path: str = Field(description="Private: anyone with it sees my meetups. Shown once.")


class MapTilesRead(BaseModel):
    url: str | None = Field(description="Tile URL template; absent: boundaries only, no network.")
    attribution: str


class MeetupSettingsRead(BaseModel):
    durations_minutes: list[float]
    quiet_max_capacity: int
    check_in_radius_m: int
    tiles: MapTilesRead
    my_region_code: str | None
    my_region_name: str | None
    my_centre: tuple[float, float] | None = Field(description="(latitude, longitude) of my 동.")


Region = Literal["dong", "sgg", "distance"]


class CalendarQuery(BaseModel):
    """The calendar's filters; the web keeps them in the URL."""

    date_from: date
    date_to: date
    time_of_day: Literal["morning", "afternoon", "evening", "night"] | None = None
    region: Region = "sgg"
    distance_km: float = Field(default=3, gt=0, le=30)
    free_only: bool = False
    dog_size: DogSize | None = None
    quiet: bool = False
