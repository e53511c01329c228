"""The club service's domain errors: each has an HTTP status and a stable code."""

from typing import ClassVar

from mungmo.platform.errors import Conflict, DomainError, Forbidden, NotFound


class Unprocessable(DomainError):
    status: ClassVar[int] = 422


class ClubNotFound(NotFound):
    code = "club.not_found"
    title = "No such club"


class NotAllowed(Forbidden):
    code = "club.not_allowed"
    title = "Your role in this club does not allow this"


class NotAMember(Forbidden):
    code = "club.not_a_member"
    title = "Join the club first"


class RejoinBanned(Forbidden):
    code = "club.rejoin_banned"
    title = "You were removed from this club and may not join again"


class AlreadyMember(Conflict):
    code = "club.already_member"
    title = "You are already in this club (or asked to join)"


class MemberNotFound(NotFound):
    code = "club.member_not_found"
    title = "No such member in this club"


class OwnerCannotLeave(Conflict):
    code = "club.owner_cannot_leave"
    title = "Hand the club over to another member before leaving"


class RegionUnknown(Unprocessable):
    code = "club.region_unknown"
    title = "Verify your neighbourhood first: a club belongs to one"


class PhotoNotFound(Unprocessable):
    code = "club.photo_not_found"
    title = "A photo must be your own club_photo upload"


class ScheduleNotFound(NotFound):
    code = "club.schedule_not_found"
    title = "No such schedule"


class ScheduleFull(Conflict):
    code = "club.schedule_full"
    title = "This schedule is full"


class ScheduleOver(Conflict):
    code = "club.schedule_over"
    title = "This schedule has already started"


class CapacityBelowRsvps(Conflict):
    code = "club.capacity_below_rsvps"
    title = "More members already said they come than this capacity"


class RecurrenceInvalid(Unprocessable):
    code = "club.recurrence_invalid"
    title = "The repetition rule is not valid"


class PostNotFound(NotFound):
    code = "club.post_not_found"
    title = "No such post"


class AlbumPhotoNotFound(NotFound):
    code = "club.album_photo_not_found"
    title = "No such photo in the album"


class MessageNotFound(NotFound):
    code = "club.message_not_found"
    title = "No such chat message"


class MessageEmpty(Unprocessable):
    code = "club.message_empty"
    title = "A message needs text or an image"


class MessageTooLong(Unprocessable):
    code = "club.message_too_long"
    title = "The message is too long"


class Blocked(Forbidden):
    code = "club.blocked"
    title = "You cannot interact with this member"
