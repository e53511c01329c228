"""The trust service's domain errors: each has an HTTP status and a stable code."""

from typing import ClassVar

from mungmo.platform.errors import DomainError


class Unprocessable(DomainError):
    status: ClassVar[int] = 422
