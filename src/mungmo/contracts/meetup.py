"""Events the meetup service publishes (topic ``mungmo.meetup.meetup``, key: the meetup id).

Trust consumes the review and no-show events; board consumes the review posts."""

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


@contract(source="meetup", aggregate="meetup", name="MeetupReviewPostWritten")
class MeetupReviewPostWritten(Event):
    """An attendee wrote the optional review post of a meetup that has ended. The board
    service files it under 번개후기 as ``post_id`` (so a redelivery makes one post) and owns
    it from then on: edits and deletion happen on the board.

    ``content`` is the author's Markdown, unsanitised: the board sanitises what it shows,
    as it does for its own posts. ``region_code`` is the 행정동 code of the meetup's
    neighbourhood, so the post lists under that 동 and its 시/군/구."""

    post_id: uuid.UUID
    meetup_id: uuid.UUID
    author_id: uuid.UUID
    title: str = Field(min_length=1, max_length=100)
    content: str = Field(max_length=20_000)
    media_ids: list[uuid.UUID] = Field(default_factory=list, max_length=10)
    region_code: str
    meetup_title: str
    meetup_starts_at: datetime
    written_at: datetime


# What the notification service (to come) turns into messages. Each names the members to
# tell, so the notifier keeps no copy of who joined what.


@contract(source="meetup", aggregate="meetup", name="MeetupChanged")
class MeetupChanged(Event):
    """The host changed a meetup; ``changed`` names the parts (``time``, ``place``,
    ``title``, ``text``, ``capacity``, ``rules``). ``member_ids``: the participants
    (joined, waitlisted or asking), without the host."""

    meetup_id: uuid.UUID
    host_id: uuid.UUID
    title: str
    starts_at: datetime
    ends_at: datetime
    place_name: str
    changed: list[str]
    member_ids: list[uuid.UUID]
    changed_at: datetime


@contract(source="meetup", aggregate="meetup", name="MeetupCancelled")
class MeetupCancelled(Event):
    meetup_id: uuid.UUID
    host_id: uuid.UUID
    title: str
    starts_at: datetime
    member_ids: list[uuid.UUID]
    cancelled_at: datetime


@contract(source="meetup", aggregate="meetup", name="WaitlistPromoted")
class WaitlistPromoted(Event):
    """A place freed up and ``member_id``, first on the waitlist, now takes part."""

    meetup_id: uuid.UUID
    member_id: uuid.UUID
    title: str
    starts_at: datetime
    promoted_at: datetime


@contract(source="meetup", aggregate="meetup", name="JoinRequestDecided")
class JoinRequestDecided(Event):
    """The host of a meetup with approval decided ``member_id``'s request. ``outcome``:
    ``joined``, ``waitlisted`` (approved, but the meetup was full) or ``declined``."""

    meetup_id: uuid.UUID
    member_id: uuid.UUID
    title: str
    starts_at: datetime
    outcome: str
    decided_at: datetime


@contract(source="meetup", aggregate="meetup", name="MeetupReminderDue")
class MeetupReminderDue(Event):
    """An hour before the start: remind ``member_ids`` (the host and those who joined)."""

    meetup_id: uuid.UUID
    title: str
    starts_at: datetime
    place_name: str
    member_ids: list[uuid.UUID]
    due_at: datetime
