"""The trust service's tables, one module per topic; ``Base`` carries its metadata."""

from mungmo.trust.models.base import Base
from mungmo.trust.models.scores import MemberScore, ScoreChange, Suspension

__all__ = ["Base", "MemberScore", "ScoreChange", "Suspension"]
