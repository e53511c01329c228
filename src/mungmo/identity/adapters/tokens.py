"""Access-token signing (Ed25519 JWT, published as JWKS)."""

import base64
import hashlib
import hmac
import json
import uuid
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


class TokenSigner:
    """Signs access tokens with an Ed25519 key; the public half is served as JWKS."""

    def __init__(self, private_key: Ed25519PrivateKey, *, issuer: str, audience: str) -> None:
        self._key = private_key
        self._issuer = issuer
        self._audience = audience
        raw_public = private_key.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        self._public_jwk = {"crv": "Ed25519", "kty": "OKP", "x": _b64url(raw_public)}
        # RFC 7638 thumbprint: a kid that changes exactly when the key does.
        canonical = json.dumps(self._public_jwk, separators=(",", ":"), sort_keys=True)
        self.kid = _b64url(hashlib.sha256(canonical.encode()).digest())

    @classmethod
    def from_file(cls, path: Path, *, issuer: str, audience: str) -> "TokenSigner":
        """Loads the PEM key, creating one (readable by the owner only) on first start."""
        if path.exists():
            loaded = serialization.load_pem_private_key(path.read_bytes(), password=None)
            if not isinstance(loaded, Ed25519PrivateKey):
                raise ValueError(f"{path} is not an Ed25519 private key")
            return cls(loaded, issuer=issuer, audience=audience)
        key = Ed25519PrivateKey.generate()
        path.parent.mkdir(parents=True, exist_ok=True)
        pem = key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        path.touch(mode=0o600)
        path.write_bytes(pem)
        return cls(key, issuer=issuer, audience=audience)

    def derived_secret(self, purpose: str) -> bytes:
        """A secret for ``purpose`` (e.g. signing OAuth state cookies) that every instance
        sharing the signing key derives alike, so no second secret needs distributing."""
        raw = self._key.private_bytes(
            serialization.Encoding.Raw,
            serialization.PrivateFormat.Raw,
            serialization.NoEncryption(),
        )
        return hmac.new(raw, purpose.encode(), hashlib.sha256).digest()

    def jwks(self) -> dict[str, Any]:
        return {"keys": [{**self._public_jwk, "kid": self.kid, "use": "sig", "alg": "EdDSA"}]}

    def issue(
        self,
        *,
        account_id: uuid.UUID,
        session_id: uuid.UUID,
        roles: list[str],
        now: datetime,
        ttl: timedelta,
        onboarded: bool = False,
    ) -> str:
        claims: dict[str, Any] = {
            "iss": self._issuer,
            "aud": self._audience,
            "sub": str(account_id),
            "sid": str(session_id),
            "roles": roles,
            # Milliseconds (a NumericDate may be fractional): a deny-list entry can then
            # tell a token issued just before a role change from one issued just after.
            "iat": round(now.timestamp(), 3),
            "exp": int((now + ttl).timestamp()),
            "jti": uuid.uuid4().hex,
        }
        if onboarded:
            # The onboarding gate (platform.auth.current_member) reads this claim.
            claims["onb"] = True
        return jwt.encode(claims, self._key, algorithm="EdDSA", headers={"kid": self.kid})
