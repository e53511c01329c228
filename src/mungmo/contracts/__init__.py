"""Published events, one module per producing service. Consumers import from here."""

from mungmo.contracts import identity, media, member

__all__ = ["identity", "media", "member"]
