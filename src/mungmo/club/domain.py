"""Pure club rules: the roles, what each may do, and how a repeating schedule unfolds."""

from collections.abc import Sequence
from datetime import UTC, date, datetime, time
from enum import StrEnum
from typing import Literal
from zoneinfo import ZoneInfo

from dateutil.rrule import (
    DAILY,
    FR,
    MO,
    MONTHLY,
    SA,
    SU,
    TH,
    TU,
    WE,
    WEEKLY,
    rrule,
    rrulestr,
    weekday,
)

SEOUL = ZoneInfo("Asia/Seoul")


class Role(StrEnum):
    OWNER = "owner"  # 관리자 (owner-admin)
    MANAGER = "manager"  # 매니저
    MEMBER = "member"


class Action(StrEnum):
    EDIT_CLUB = "edit_club"
    APPROVE_MEMBER = "approve_member"
    REMOVE_MEMBER = "remove_member"
    LIFT_BAN = "lift_ban"
    SET_MANAGER = "set_manager"
    TRANSFER_OWNERSHIP = "transfer_ownership"
    MANAGE_SCHEDULE = "manage_schedule"
    RSVP = "rsvp"
    READ_CONTENT = "read_content"
    POST_NOTICE = "post_notice"
    PIN_NOTICE = "pin_notice"
    POST_FREE = "post_free"
    UPLOAD_PHOTO = "upload_photo"
    DELETE_OTHERS_CONTENT = "delete_others_content"
    CHAT = "chat"


EVERYONE = frozenset(Role)
MODERATORS = frozenset({Role.OWNER, Role.MANAGER})
OWNER_ONLY = frozenset({Role.OWNER})

# SPEC §6: the owner-admin manages permissions, schedules and managers, removes members
# (choosing whether they may rejoin) and hands the club over; managers have every
# permission except removing members (and the owner's own: managers, ownership).
PERMISSIONS: dict[Action, frozenset[Role]] = {
    Action.EDIT_CLUB: MODERATORS,
    Action.APPROVE_MEMBER: MODERATORS,
    Action.REMOVE_MEMBER: OWNER_ONLY,
    Action.LIFT_BAN: OWNER_ONLY,
    Action.SET_MANAGER: OWNER_ONLY,
    Action.TRANSFER_OWNERSHIP: OWNER_ONLY,
    Action.MANAGE_SCHEDULE: MODERATORS,
    Action.RSVP: EVERYONE,
    Action.READ_CONTENT: EVERYONE,
    Action.POST_NOTICE: MODERATORS,
    Action.PIN_NOTICE: MODERATORS,
    Action.POST_FREE: EVERYONE,
    Action.UPLOAD_PHOTO: EVERYONE,
    Action.DELETE_OTHERS_CONTENT: MODERATORS,
    Action.CHAT: EVERYONE,
}


def allowed(role: Role | None, action: Action) -> bool:
    """Whether a member of ``role`` (None: not an active member) may do ``action``."""
    return role is not None and role in PERMISSIONS[action]


def may_delete(role: Role | None, *, is_author: bool) -> bool:
    """Boards, album and chat: the author, the owner-admin and managers delete."""
    return role is not None and (is_author or allowed(role, Action.DELETE_OTHERS_CONTENT))


class Frequency(StrEnum):
    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"


WEEKDAYS: dict[str, weekday] = {
    "MO": MO,
    "TU": TU,
    "WE": WE,
    "TH": TH,
    "FR": FR,
    "SA": SA,
    "SU": SU,
}
_FREQUENCIES: dict[Frequency, Literal[0, 1, 2, 3, 4, 5, 6]] = {
    Frequency.DAILY: DAILY,
    Frequency.WEEKLY: WEEKLY,
    Frequency.MONTHLY: MONTHLY,
}
MAX_OCCURRENCES = 52


def build_rrule(
    first: datetime,
    *,
    frequency: Frequency,
    interval: int = 1,
    weekdays: Sequence[str] = (),
    count: int | None = None,
    until: date | None = None,
) -> str:
    """The RFC 5545 RRULE (with its DTSTART in Seoul time) of a repeating schedule,
    bounded: by ``count``, by ``until`` (a Seoul date, inclusive), or else 12 times."""
    local = first.astimezone(SEOUL).replace(tzinfo=None)
    rule = rrule(
        _FREQUENCIES[frequency],
        dtstart=local,
        interval=interval,
        byweekday=[WEEKDAYS[day] for day in weekdays] or None,
        count=None if until is not None else (count or 12),
        until=None if until is None else datetime.combine(until, time(23, 59, 59)),
    )
    return str(rule)


def occurrences(rule: str, *, limit: int = MAX_OCCURRENCES) -> list[datetime]:
    """The starts (aware, UTC) of ``rule`` evaluated in Seoul wall-clock time: every
    Saturday 8:00 stays 8:00 in Seoul. At most ``limit``."""
    parsed = rrulestr(rule)
    starts: list[datetime] = []
    for local in parsed:
        if len(starts) >= limit:
            break
        starts.append(local.replace(tzinfo=SEOUL).astimezone(UTC))
    return starts
