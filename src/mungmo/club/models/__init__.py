"""The club service's tables, one module per topic; ``Base`` carries its metadata."""

from mungmo.club.models.base import Base
from mungmo.club.models.clubs import Club, ClubBan, Membership
from mungmo.club.models.content import (
    AlbumPhoto,
    ChatMessage,
    Post,
    Rsvp,
    Schedule,
    ScheduleSeries,
)
from mungmo.club.models.people import Block, ClubUpload, Person

__all__ = [
    "AlbumPhoto",
    "Base",
    "Block",
    "ChatMessage",
    "Club",
    "ClubBan",
    "ClubUpload",
    "Membership",
    "Person",
    "Post",
    "Rsvp",
    "Schedule",
    "ScheduleSeries",
]
