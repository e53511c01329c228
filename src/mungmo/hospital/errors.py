"""The hospital service's domain errors: each has an HTTP status and a stable code."""

from typing import ClassVar

from mungmo.platform.errors import Conflict, DomainError, NotFound


class Unprocessable(DomainError):
    status: ClassVar[int] = 422


class HospitalNotFound(NotFound):
    code = "hospital.not_found"
    title = "No such hospital"


class CorrectionNotFound(NotFound):
    code = "hospital.correction_not_found"
    title = "No such correction"


class CorrectionDecided(Conflict):
    code = "hospital.correction_decided"
    title = "This correction was already accepted or rejected"


class PositionRequired(Unprocessable):
    code = "hospital.position_required"
    title = "Sorting by distance needs a position (latitude and longitude)"


class HoursInvalid(Unprocessable):
    code = "hospital.hours_invalid"
    title = "The opening hours are not valid"


class PhoneInvalid(Unprocessable):
    code = "hospital.phone_invalid"
    title = "Not a Korean phone number"


class CorrectionEmpty(Unprocessable):
    code = "hospital.correction_empty"
    title = "Say what to correct: hours, a phone number, or that the hospital closed"


class NeighbourhoodUnknown(Unprocessable):
    code = "hospital.neighbourhood_unknown"
    title = "Verify your neighbourhood first, or use your position"
