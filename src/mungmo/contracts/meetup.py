"""Events the meetup service publishes (topic ``mungmo.meetup.meetup``, key: the meetup id).

The meetup service itself is still to come; trust already consumes these."""

import uuid
from datetime import datetime

from pydantic import Field

from mungmo.platform.events.contract import Event, contract


@contract(source="meetup", aggregate="meetup", name="MeetupReviewSubmitted")
class MeetupReviewSubmitted(Event):
    """``reviewer_id`` rated ``member_id`` after a meetup. A rating changed within 24
    hours is published again with the same ``review_id``; it counts once."""

    review_id: uuid.UUID
    meetup_id: uuid.UUID
    reviewer_id: uuid.UUID
    member_id: uuid.UUID
    stars: int = Field(ge=1, le=5)
    submitted_at: datetime


@contract(source="meetup", aggregate="meetup", name="NoShowRecorded")
class NoShowRecorded(Event):
    """``member_id`` joined ``meetup_id`` and did not show up (no check-in, and the host
    did not confirm them)."""

    meetup_id: uuid.UUID
    member_id: uuid.UUID
    recorded_at: datetime
