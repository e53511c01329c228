"""The meetup use cases, re-exported so api and handlers call ``service.<use_case>``."""

from mungmo.meetup.service.attendance import (
    check_in,
    check_in_code,
    confirm_attendance,
    record_no_shows,
)
from mungmo.meetup.service.calendar import calendar_days, list_meetups, my_meetups
from mungmo.meetup.service.detail import get_meetup
from mungmo.meetup.service.feed import create_feed, feed_ics, revoke_feed
from mungmo.meetup.service.joining import decide_request, join_meetup, leave_meetup
from mungmo.meetup.service.meetups import (
    cancel_meetup,
    create_meetup,
    meetup_settings,
    update_meetup,
)
from mungmo.meetup.service.members import (
    erase_member,
    remember_block,
    remember_member,
    remember_neighbourhood,
    remember_profile,
)
from mungmo.meetup.service.reminders import send_reminder
from mungmo.meetup.service.reviews import rate_member, write_review_post

__all__ = [
    "calendar_days",
    "cancel_meetup",
    "check_in",
    "check_in_code",
    "confirm_attendance",
    "create_feed",
    "create_meetup",
    "decide_request",
    "erase_member",
    "feed_ics",
    "get_meetup",
    "join_meetup",
    "leave_meetup",
    "list_meetups",
    "meetup_settings",
    "my_meetups",
    "rate_member",
    "record_no_shows",
    "remember_block",
    "remember_member",
    "remember_neighbourhood",
    "remember_profile",
    "revoke_feed",
    "send_reminder",
    "update_meetup",
    "write_review_post",
]
