"""Published events, one module per producing service. Consumers import from here."""

from mungmo.contracts import board, club, identity, media, meetup, member, trust

__all__ = ["board", "club", "identity", "media", "meetup", "member", "trust"]
