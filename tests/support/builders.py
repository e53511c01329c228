"""Unique test data, so tests never collide."""

import uuid

PASSWORD = "correct-horse-9"


def unique_email() -> str:
    return f"owner-{uuid.uuid4().hex[:12]}@example.com"


def unique_nickname(prefix: str = "멍멍") -> str:
    return f"{prefix}{uuid.uuid4().hex[:8]}"


def account_body(**overrides: str) -> dict[str, str]:
    body = {"email": unique_email(), "password": PASSWORD, "nickname": unique_nickname()}
    body.update(overrides)
    return body
