"""Published events, one module per producing service. Consumers import from here."""

from mungmo.contracts import identity, media, meetup, member, trust

__all__ = ["identity", "media", "meetup", "member", "trust"]
