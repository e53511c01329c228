"""Events the club service publishes.

Topic ``mungmo.club.club`` (key: the club id): schedules and membership, for the
notification service (to come); each names the members to tell, so the notifier keeps no
copy of who is in which club. Topic ``mungmo.club.chat`` (key: the club id, so a club's
messages stay in order): the chat as every instance's real-time hub fans it out to the
sockets it holds, and mentions for notifications.
"""

import uuid
from datetime import datetime

from mungmo.platform.events.contract import Event, contract


@contract(source="club", aggregate="club", name="ClubScheduleCreated")
class ClubScheduleCreated(Event):
    """A manager or the owner-admin added a schedule (one event per occurrence of a
    repeating one). ``member_ids``: the club's members but its creator."""

    club_id: uuid.UUID
    club_title: str
    schedule_id: uuid.UUID
    title: str
    starts_at: datetime
    place_name: str
    member_ids: list[uuid.UUID]
    created_at: datetime


@contract(source="club", aggregate="club", name="ClubScheduleReminderDue")
class ClubScheduleReminderDue(Event):
    """Before a schedule starts (a durable job): remind those who said they come."""

    club_id: uuid.UUID
    club_title: str
    schedule_id: uuid.UUID
    title: str
    starts_at: datetime
    place_name: str
    member_ids: list[uuid.UUID]
    due_at: datetime


@contract(source="club", aggregate="club", name="ClubMemberRemoved")
class ClubMemberRemoved(Event):
    """``member_id`` is no longer in the club: ``reason`` is ``removed`` (by the
    owner-admin; ``rejoin_banned`` says whether they may come back) or ``left``.
    Every instance closes that member's chat sockets of the club at once."""

    club_id: uuid.UUID
    member_id: uuid.UUID
    reason: str
    rejoin_banned: bool
    removed_at: datetime


@contract(source="club", aggregate="chat", name="ChatMessagePosted")
class ChatMessagePosted(Event):
    """A stored chat message; ``seq`` numbers the club's messages without gaps."""

    club_id: uuid.UUID
    message_id: uuid.UUID
    seq: int
    author_id: uuid.UUID
    author_nickname: str
    body: str
    media_id: uuid.UUID | None
    sent_at: datetime


@contract(source="club", aggregate="chat", name="ChatMessageDeleted")
class ChatMessageDeleted(Event):
    club_id: uuid.UUID
    message_id: uuid.UUID
    seq: int
    deleted_by: uuid.UUID
    deleted_at: datetime


@contract(source="club", aggregate="chat", name="ChatMentioned")
class ChatMentioned(Event):
    """A chat message names members (``@닉네임``): tell them."""

    club_id: uuid.UUID
    club_title: str
    message_id: uuid.UUID
    author_id: uuid.UUID
    member_ids: list[uuid.UUID]
    excerpt: str
    sent_at: datetime


@contract(source="club", aggregate="chat", name="ChatVisibilityChanged")
class ChatVisibilityChanged(Event):
    """A block between two members started or ended (club's copy of member's blocks):
    their open chat sockets reload whom they hide."""

    member_ids: list[uuid.UUID]
    changed_at: datetime
