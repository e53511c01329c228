"""The trust service's tables, one module per topic; ``Base`` carries its metadata."""

from mungmo.trust.models.base import Base
from mungmo.trust.models.moderation import Appeal, Ban, ModerationAuditEntry
from mungmo.trust.models.reports import (
    EvidenceUpload,
    KnownMember,
    Report,
    ReportEvidence,
    ReportStatement,
)
from mungmo.trust.models.scores import MemberScore, ScoreChange, Suspension

__all__ = [
    "Appeal",
    "Ban",
    "Base",
    "EvidenceUpload",
    "KnownMember",
    "MemberScore",
    "ModerationAuditEntry",
    "Report",
    "ReportEvidence",
    "ReportStatement",
    "ScoreChange",
    "Suspension",
]
