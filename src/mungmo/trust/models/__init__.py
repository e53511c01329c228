"""The trust service's tables, one module per topic; ``Base`` carries its metadata."""

from mungmo.trust.models.base import Base

__all__ = ["Base"]
