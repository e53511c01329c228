"""The meetup service's domain errors: each has an HTTP status and a stable code."""

from typing import ClassVar

from mungmo.platform.errors import Conflict, DomainError, Forbidden, NotFound


class Unprocessable(DomainError):
    status: ClassVar[int] = 422


class MeetupNotFound(NotFound):
    code = "meetup.not_found"
    title = "No such meetup"


class NeighbourhoodRequired(Forbidden):
    code = "meetup.neighbourhood_required"
    title = "Only members with a verified neighbourhood create meetups"


class NeighbourhoodUnknown(Unprocessable):
    code = "meetup.neighbourhood_unknown"
    title = "Verify your neighbourhood to search by region"


class NotHost(Forbidden):
    code = "meetup.not_host"
    title = "Only the host may do this"


class MeetupCancelled(Conflict):
    code = "meetup.cancelled"
    title = "This meetup was cancelled"


class MeetupOver(Conflict):
    code = "meetup.over"
    title = "This meetup has ended"


class MeetupStarted(Conflict):
    code = "meetup.started"
    title = "This meetup has started; its time and place stay as they are"


class AlreadyTakingPart(Conflict):
    code = "meetup.already_joined"
    title = "You already joined (or asked to join) this meetup"


class TimeConflict(Conflict):
    code = "meetup.time_conflict"
    title = "You are already in a meetup at that time"


class WindowInvalid(Unprocessable):
    code = "meetup.window_invalid"
    title = "The meetup's time is not possible"


class QuietTooLarge(Unprocessable):
    code = "meetup.quiet_too_large"
    title = "A quiet (parallel walk) meetup is small"


class CapacityBelowTaken(Conflict):
    code = "meetup.capacity_below_taken"
    title = "More members already joined than this capacity"


class NotParticipant(Forbidden):
    code = "meetup.not_participant"
    title = "You do not take part in this meetup"


class HostCannotLeave(Conflict):
    code = "meetup.host_cannot_leave"
    title = "The host cancels the meetup instead of leaving it"


class CheckInClosed(Conflict):
    code = "meetup.check_in_closed"
    title = "Check-in is open only during the meetup"


class TooFar(Unprocessable):
    code = "meetup.too_far"
    title = "You are not near the meeting place"


class CheckInCodeInvalid(Forbidden):
    code = "meetup.check_in_code_invalid"
    title = "This check-in code is not this meetup's"


class NotAttendee(Forbidden):
    code = "meetup.not_attendee"
    title = "Only members who attended may do this"


class MeetupNotOver(Conflict):
    code = "meetup.not_over"
    title = "This is possible once the meetup has ended"


class RatingLocked(Conflict):
    code = "meetup.rating_locked"
    title = "A rating can be changed for 24 hours only"


class RatingWindowClosed(Conflict):
    code = "meetup.rating_closed"
    title = "Ratings for this meetup are closed"


class CannotRateSelf(Unprocessable):
    code = "meetup.cannot_rate_self"
    title = "You cannot rate yourself"


class ReviewPostExists(Conflict):
    code = "meetup.review_post_exists"
    title = "You already wrote this meetup's review post"


class RequestNotFound(NotFound):
    code = "meetup.request_not_found"
    title = "No such request to join"


class FeedNotFound(NotFound):
    code = "meetup.feed_not_found"
    title = "No calendar feed (or it was revoked)"


class RangeTooLong(Unprocessable):
    code = "meetup.range_too_long"
    title = "Choose at most 62 days"
