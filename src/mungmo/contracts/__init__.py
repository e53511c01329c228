"""Published events, one module per producing service. Consumers import from here."""

from mungmo.contracts import board, identity, media, meetup, member, trust

__all__ = ["board", "identity", "media", "meetup", "member", "trust"]
