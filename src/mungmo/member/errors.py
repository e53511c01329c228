"""The member service's domain errors: each has an HTTP status and a stable code."""

from typing import ClassVar

from mungmo.platform.errors import Conflict, DomainError, Forbidden, NotFound


class Unprocessable(DomainError):
    status: ClassVar[int] = 422


class ServiceUnavailable(DomainError):
    status: ClassVar[int] = 503


class MemberNotFound(NotFound):
    code = "member.not_found"
    title = "No such member"


class DogNotFound(NotFound):
    code = "member.dog_not_found"
    title = "No such dog"


class FriendNotFound(NotFound):
    code = "member.friend_not_found"
    title = "Not in your friends"


class BlockNotFound(NotFound):
    code = "member.block_not_found"
    title = "You have not blocked this member"


class TooManyDogs(Conflict):
    code = "member.too_many_dogs"
    title = "You have the most dogs a profile can hold"


class PhotoNotFound(Unprocessable):
    code = "member.photo_not_found"
    title = "Upload the photo first; only your own images can be used"


class BirthYearInvalid(Unprocessable):
    code = "member.birth_year_invalid"
    title = "The birth year must lie between 1900 and this year"


class RegionNotFound(Unprocessable):
    code = "member.region_not_found"
    title = "No such neighbourhood"


class PositionOutsideRegion(Unprocessable):
    code = "member.position_outside_region"
    title = "Your position is not in the neighbourhood you chose"


class RegionDataMissing(ServiceUnavailable):
    code = "member.region_data_missing"
    title = "Neighbourhood data is not available; verification is switched off"


class RegionLookupFailed(ServiceUnavailable):
    code = "member.region_lookup_failed"
    title = "The neighbourhood check did not answer; try again shortly"


class NeighbourhoodExpired(Forbidden):
    code = "member.neighbourhood_expired"
    title = "Verify your neighbourhood again"


class Blocked(Forbidden):
    code = "member.blocked"
    title = "You blocked this member"


class CannotFriendSelf(Unprocessable):
    code = "member.cannot_friend_self"
    title = "You cannot add yourself as a friend"


class CannotBlockSelf(Unprocessable):
    code = "member.cannot_block_self"
    title = "You cannot block yourself"
