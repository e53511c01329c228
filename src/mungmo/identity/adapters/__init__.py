"""Identity's outside systems: password hashing, token signing, signed values, OAuth providers."""

from mungmo.identity.adapters.passwords import PasswordHashing
from mungmo.identity.adapters.tokens import TokenSigner

__all__ = ["PasswordHashing", "TokenSigner"]
