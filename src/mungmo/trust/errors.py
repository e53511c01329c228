"""The trust service's domain errors: each has an HTTP status and a stable code."""

from typing import ClassVar

from mungmo.platform.errors import Conflict, DomainError, Forbidden, NotFound


class Unprocessable(DomainError):
    status: ClassVar[int] = 422


# Reports, moderation, appeals and bans (H-reports).


class CannotReportSelf(Unprocessable):
    code = "trust.cannot_report_self"
    title = "You cannot report yourself"


class ReportedMemberNotFound(NotFound):
    code = "trust.member_not_found"
    title = "No such member"


class ReportedMemberDeleted(Conflict):
    code = "trust.member_deleted"
    title = "This member deleted their account"


class EvidenceNotFound(Unprocessable):
    code = "trust.evidence_not_found"
    title = "Evidence must be your own report_evidence upload"


class EvidenceInUse(Conflict):
    code = "trust.evidence_in_use"
    title = "This file is already evidence of another report"


class TooMuchEvidence(Unprocessable):
    code = "trust.too_much_evidence"
    title = "Too many evidence files"


class ReportNotFound(NotFound):
    code = "trust.report_not_found"
    title = "No such report"


class ReportAlreadyDecided(Conflict):
    code = "trust.report_decided"
    title = "This report was already decided"


class PenaltyNotChoosable(Unprocessable):
    code = "trust.penalty_fixed"
    title = "This report type has a fixed penalty"


class AppealNotAllowed(Forbidden):
    code = "trust.appeal_not_allowed"
    title = "Only the reported member may appeal an upheld report"


class AppealExists(Conflict):
    code = "trust.appeal_exists"
    title = "This report was already appealed"


class AppealNotFound(NotFound):
    code = "trust.appeal_not_found"
    title = "No such appeal"


class AppealAlreadyDecided(Conflict):
    code = "trust.appeal_decided"
    title = "This appeal was already decided"


class CannotBanSelf(Unprocessable):
    code = "trust.cannot_ban_self"
    title = "You cannot ban yourself"
