"""Meetup HTTP API: the calendar, a meetup's page, hosting, joining, attendance,
ratings, the review post and the private ICS feed."""

import uuid
from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request, Response, status

from mungmo.meetup.schemas import (
    AttendanceUpdate,
    CalendarQuery,
    CalendarRead,
    CheckInCodeRead,
    CheckInCreate,
    CheckInRead,
    DecisionRead,
    DogSize,
    FeedRead,
    JoinRead,
    MeetupCreate,
    MeetupDetailRead,
    MeetupPage,
    MeetupRead,
    MeetupSettingsRead,
    MeetupUpdate,
    MyRatingRead,
    RatingPut,
    Region,
    RequestDecision,
    ReviewPostCreate,
    ReviewPostRead,
)
from mungmo.meetup.service import (
    calendar_days,
    cancel_meetup,
    check_in,
    check_in_code,
    confirm_attendance,
    create_feed,
    create_meetup,
    decide_request,
    feed_ics,
    get_meetup,
    join_meetup,
    leave_meetup,
    list_meetups,
    meetup_settings,
    my_meetups,
    rate_member,
    revoke_feed,
    update_meetup,
    write_review_post,
)
from mungmo.meetup.service.context import Meetups
from mungmo.platform.auth import CurrentMember
from mungmo.platform.pagination import PageParams
from mungmo.platform.service import provide

router = APIRouter(tags=["meetup"])

Context = Annotated[Meetups, Depends(provide(Meetups))]
MEETUPS = "/api/v1/meetups"
ONE = f"{MEETUPS}/{{meetup_id}}"


def calendar_query(
    date_from: Annotated[date, Query(alias="from", description="First day (Seoul).")],
    date_to: Annotated[date, Query(alias="to", description="Last day (Seoul), ≤ 62 days.")],
    time_of_day: Literal["morning", "afternoon", "evening", "night"] | None = None,
    region: Annotated[Region, Query(description="My 동, my 시/군/구, or a distance.")] = "sgg",
    distance_km: Annotated[float, Query(gt=0, le=30)] = 3,
    free_only: bool = False,
    dog_size: Annotated[DogSize | None, Query(description="Meetups welcoming this size.")] = None,
    quiet: Annotated[bool, Query(description="Only quiet (parallel walk) meetups.")] = False,
) -> CalendarQuery:
    return CalendarQuery(
        date_from=date_from,
        date_to=date_to,
        time_of_day=time_of_day,
        region=region,
        distance_km=distance_km,
        free_only=free_only,
        dog_size=dog_size,
        quiet=quiet,
    )


Filters = Annotated[CalendarQuery, Depends(calendar_query)]


@router.get(f"{MEETUPS}/settings")
async def get_settings(actor: CurrentMember, meetups: Context) -> MeetupSettingsRead:
    """Durations a host may choose, the map's tiles (absent: boundaries only), my 동."""
    return await meetup_settings(meetups, actor)


@router.get(f"{MEETUPS}/calendar")
async def get_calendar(actor: CurrentMember, meetups: Context, filters: Filters) -> CalendarRead:
    """How many meetups start on each day of the range, with the filters."""
    return await calendar_days(meetups, actor, filters)


@router.get(MEETUPS)
async def search_meetups(
    actor: CurrentMember, meetups: Context, filters: Filters, page: PageParams
) -> MeetupPage:
    """The meetups of the range (a day or a week), earliest first."""
    return await list_meetups(meetups, actor, filters, page)


@router.get(f"{MEETUPS}/mine")
async def list_my_meetups(
    actor: CurrentMember,
    meetups: Context,
    page: PageParams,
    when: Literal["upcoming", "past"] = "upcoming",
) -> MeetupPage:
    """내 번개: those I host, joined, wait for or asked to join."""
    return await my_meetups(meetups, actor, when, page)


@router.post(MEETUPS, status_code=status.HTTP_201_CREATED)
async def post_meetup(body: MeetupCreate, actor: CurrentMember, meetups: Context) -> MeetupRead:
    """Members with a verified 동 host meetups (the host takes the first place)."""
    return await create_meetup(meetups, actor, body)


@router.get(ONE)
async def read_meetup(
    meetup_id: uuid.UUID, actor: CurrentMember, meetups: Context
) -> MeetupDetailRead:
    return await get_meetup(meetups, actor, meetup_id)


@router.patch(ONE)
async def patch_meetup(
    meetup_id: uuid.UUID, body: MeetupUpdate, actor: CurrentMember, meetups: Context
) -> MeetupRead:
    """The host changes the meetup; participants are told (MeetupChanged)."""
    return await update_meetup(meetups, actor, meetup_id, body)


@router.post(f"{ONE}/cancel")
async def post_cancel(meetup_id: uuid.UUID, actor: CurrentMember, meetups: Context) -> MeetupRead:
    """The host cancels; participants are told (MeetupCancelled)."""
    return await cancel_meetup(meetups, actor, meetup_id)


@router.post(f"{ONE}/participants/me", status_code=status.HTTP_201_CREATED)
async def post_join(meetup_id: uuid.UUID, actor: CurrentMember, meetups: Context) -> JoinRead:
    """Join (or the waitlist when full, or a request when the host approves)."""
    return await join_meetup(meetups, actor, meetup_id)


@router.delete(f"{ONE}/participants/me")
async def delete_join(meetup_id: uuid.UUID, actor: CurrentMember, meetups: Context) -> MeetupRead:
    """Leave; the first on the waitlist takes the place and is told."""
    return await leave_meetup(meetups, actor, meetup_id)


@router.post(f"{ONE}/requests/{{member_id}}")
async def post_decision(
    meetup_id: uuid.UUID,
    member_id: uuid.UUID,
    body: RequestDecision,
    actor: CurrentMember,
    meetups: Context,
) -> DecisionRead:
    """The host approves or declines a request; the member is told."""
    return await decide_request(meetups, actor, meetup_id, member_id, approve=body.approve)


@router.post(f"{ONE}/check-ins")
async def post_check_in(
    meetup_id: uuid.UUID, body: CheckInCreate, actor: CurrentMember, meetups: Context
) -> CheckInRead:
    """During the window: a position near the place (used once, never stored) or the
    code of the host's QR."""
    return await check_in(meetups, actor, meetup_id, body)


@router.get(f"{ONE}/check-in-code")
async def get_check_in_code(
    meetup_id: uuid.UUID, actor: CurrentMember, meetups: Context
) -> CheckInCodeRead:
    """The host's QR code content."""
    return await check_in_code(meetups, actor, meetup_id)


@router.put(f"{ONE}/attendance")
async def put_attendance(
    meetup_id: uuid.UUID, body: AttendanceUpdate, actor: CurrentMember, meetups: Context
) -> list[uuid.UUID]:
    """The host confirms who was there (until the window's end)."""
    return await confirm_attendance(meetups, actor, meetup_id, body)


@router.put(f"{ONE}/ratings/{{member_id}}", responses={201: {"description": "A new rating."}})
async def put_rating(
    meetup_id: uuid.UUID,
    member_id: uuid.UUID,
    body: RatingPut,
    response: Response,
    actor: CurrentMember,
    meetups: Context,
) -> MyRatingRead:
    """After the meetup, attendees rate each other attendee: 1–5 stars and a short
    text; changeable for 24 hours."""
    read, created = await rate_member(meetups, actor, meetup_id, member_id, body)
    if created:
        response.status_code = status.HTTP_201_CREATED
    return read


@router.post(f"{ONE}/review-post", status_code=status.HTTP_201_CREATED)
async def post_review_post(
    meetup_id: uuid.UUID, body: ReviewPostCreate, actor: CurrentMember, meetups: Context
) -> ReviewPostRead:
    """The optional review post; it appears on the 번개후기 board."""
    return await write_review_post(meetups, actor, meetup_id, body)


@router.post("/api/v1/meetup-feeds/me", status_code=status.HTTP_201_CREATED)
async def post_feed(actor: CurrentMember, meetups: Context) -> FeedRead:
    """A new private ICS address (the old one stops working)."""
    return await create_feed(meetups, actor)


@router.delete("/api/v1/meetup-feeds/me", status_code=status.HTTP_204_NO_CONTENT)
async def delete_feed(actor: CurrentMember, meetups: Context) -> None:
    await revoke_feed(meetups, actor)


@router.get(
    "/api/v1/meetup-feeds/{token}.ics",
    response_class=Response,
    responses={200: {"content": {"text/calendar": {}}}},
)
async def get_feed(token: str, request: Request, meetups: Context) -> Response:
    """The ICS feed itself: no sign-in, the secret address is the key."""
    origin = str(request.base_url).rstrip("/")
    body = await feed_ics(meetups, token, app_origin=origin)
    return Response(
        body,
        media_type="text/calendar; charset=utf-8",
        headers={"Cache-Control": "private, max-age=300"},
    )
