"""Events the trust service publishes (topic ``mungmo.trust.member``, key: the member id
the event is about, so one member's score and sanctions stay in order)."""

import uuid
from datetime import datetime
from typing import Literal

from mungmo.platform.events.contract import Event, contract

# The report types of SPEC §3: 이성 문제, 강아지 문제, 노쇼 이의, 욕설/비매너, 스팸/사기, 기타.
ReportType = Literal["romance", "dog", "no_show", "abuse", "spam", "other"]

# Why a member's score changed (the history says it in a sentence).
ScoreCauseKind = Literal["review", "no_show", "report_upheld", "appeal_reversal", "suspension_end"]


@contract(source="trust", aggregate="member", name="TrustScoreChanged")
class TrustScoreChanged(Event):
    """The member's 발도장 is now ``score``. ``version`` counts the member's changes
    (1, 2, …): a copy keeps the highest version it saw, so a late or repeated event
    never moves it backwards. ``delta`` is this cause's own effect."""

    member_id: uuid.UUID
    score: int
    version: int
    cause_kind: ScoreCauseKind
    delta: int
    changed_at: datetime


@contract(source="trust", aggregate="member", name="MemberSuspended")
class MemberSuspended(Event):
    """The score reached 0: until ``ends_at`` the member can log in and read, and every
    service refuses their writes (``trust.suspended``)."""

    member_id: uuid.UUID
    suspension_id: uuid.UUID
    suspended_at: datetime
    ends_at: datetime


@contract(source="trust", aggregate="member", name="SuspensionEnded")
class SuspensionEnded(Event):
    """The suspension is over (its time ran out, or the appeal against the report that
    caused it was accepted): writes are accepted again."""

    member_id: uuid.UUID
    suspension_id: uuid.UUID
    ended_at: datetime
    reason: Literal["expired", "appeal"]


# Reports, moderation, bans and appeals (H-reports). Keyed by the reported member too.

ReportOutcome = Literal["upheld", "dismissed"]


@contract(source="trust", aggregate="member", name="ReportFiled")
class ReportFiled(Event):
    """A member reported another (``reported_member_id``, the key). A repeated report
    of the same member by the same reporter within the merge window is added to the
    open report and announces nothing new."""

    report_id: uuid.UUID
    reporter_id: uuid.UUID
    reported_member_id: uuid.UUID
    report_type: ReportType
    filed_at: datetime


@contract(source="trust", aggregate="member", name="ReportResolved")
class ReportResolved(Event):
    """An administrator (or, for types set to automatic application, the policy:
    ``automatic``) upheld or dismissed the report. ``penalty`` is the number of points
    the upheld report took from the reported member's score (0 when none)."""

    report_id: uuid.UUID
    reporter_id: uuid.UUID
    reported_member_id: uuid.UUID
    report_type: ReportType
    outcome: ReportOutcome
    penalty: int
    automatic: bool
    resolved_at: datetime


@contract(source="trust", aggregate="member", name="MemberBanned")
class MemberBanned(Event):
    """An administrator banned the member permanently from the moderation view; the
    identity service applies its ban (no log-in, no sign-up with the same e-mail or
    social identity). ``banned_by`` is the administrator's account id."""

    member_id: uuid.UUID
    ban_id: uuid.UUID
    reason: str
    banned_by: uuid.UUID
    banned_at: datetime


@contract(source="trust", aggregate="member", name="AppealDecided")
class AppealDecided(Event):
    """An administrator decided the member's appeal against an upheld report. An
    accepted appeal gave back exactly that report's penalty (``restored`` points)."""

    appeal_id: uuid.UUID
    report_id: uuid.UUID
    member_id: uuid.UUID
    outcome: Literal["accepted", "rejected"]
    restored: int
    decided_at: datetime
