"""Short-lived signed values kept by the browser: the OAuth state cookie and link tickets.

Signed (HMAC, with an expiry), not stored: any instance holding the same key checks
them, so a login that starts on one instance can finish on another.
"""

import uuid
from typing import TypeVar

from itsdangerous import BadData, URLSafeTimedSerializer
from pydantic import BaseModel, ConfigDict, ValidationError

M = TypeVar("M", bound=BaseModel)


class OAuthState(BaseModel):
    """What the callback needs from the start of a social login."""

    model_config = ConfigDict(frozen=True)

    provider: str
    state: str
    code_verifier: str
    nonce: str | None
    next: str


class LinkTicket(BaseModel):
    """A provider identity whose verified e-mail matches an existing account; the owner
    proves the account is theirs (password) before the two are linked."""

    model_config = ConfigDict(frozen=True)

    account_id: uuid.UUID
    provider: str
    subject: str
    email: str
    next: str


class SignedValues:
    def __init__(self, secret: bytes) -> None:
        self._state = URLSafeTimedSerializer(secret, salt="mungmo.identity.oauth-state")
        self._ticket = URLSafeTimedSerializer(secret, salt="mungmo.identity.link-ticket")

    def dump_state(self, state: OAuthState) -> str:
        return str(self._state.dumps(state.model_dump(mode="json")))

    def load_state(self, raw: str, *, max_age_seconds: int) -> OAuthState | None:
        return _load(self._state, raw, max_age_seconds, OAuthState)

    def dump_ticket(self, ticket: LinkTicket) -> str:
        return str(self._ticket.dumps(ticket.model_dump(mode="json")))

    def load_ticket(self, raw: str, *, max_age_seconds: int) -> LinkTicket | None:
        return _load(self._ticket, raw, max_age_seconds, LinkTicket)


def _load(
    serializer: URLSafeTimedSerializer, raw: str, max_age_seconds: int, model: type[M]
) -> M | None:
    """The value, or None when it is forged, expired or malformed."""
    try:
        data = serializer.loads(raw, max_age=max_age_seconds)
        return model.model_validate(data)
    except (BadData, ValidationError):
        return None
