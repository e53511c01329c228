import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, EmailStr, Field, StringConstraints

from mungmo.platform.pagination import Page

NICKNAME_PATTERN = r"^[0-9A-Za-z_가-힣]+$"

Nickname = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=2, max_length=20, pattern=NICKNAME_PATTERN),
]
Password = Annotated[str, Field(min_length=8, max_length=128)]


class AccountCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    email: Annotated[EmailStr, Field(max_length=254)]
    password: Password
    nickname: Nickname


class AccountRead(BaseModel):
    id: uuid.UUID
    email: str
    nickname: str
    created_at: datetime


class LoginRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    email: Annotated[str, Field(min_length=1, max_length=254)]
    password: Annotated[str, Field(min_length=1, max_length=128)]


class TokenRead(BaseModel):
    access_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_in: int
    account_id: uuid.UUID


class JwksRead(BaseModel):
    keys: list[dict[str, str]]


class MyAccountRead(BaseModel):
    """The account as its owner sees it (never shown to anyone else)."""

    id: uuid.UUID
    email: str | None
    nickname: str
    created_at: datetime
    has_password: bool
    social_providers: list[str]
    onboarded: bool
    # When the nickname may change again; null when it may change now.
    nickname_change_allowed_at: datetime | None


class NicknameUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    nickname: Nickname


class PasswordChange(BaseModel):
    model_config = ConfigDict(extra="forbid")

    current_password: Annotated[str, Field(min_length=1, max_length=128)]
    new_password: Password


DELETE_CONFIRMATION = "탈퇴"


class AccountDelete(BaseModel):
    """Accounts with a password confirm with it; social-only accounts type
    ``confirm: "탈퇴"`` within a few minutes of logging in with their provider."""

    model_config = ConfigDict(extra="forbid")

    password: Annotated[str | None, Field(max_length=128)] = None
    confirm: Annotated[str | None, Field(max_length=20)] = None


class ProviderRead(BaseModel):
    id: str
    name: str


class LinkTicketRead(BaseModel):
    """What the link page shows before asking for the password."""

    provider: str
    provider_name: str
    # e.g. "b***@example.com": the URL holding the ticket may be seen by others.
    masked_email: str
    next: str


class LinkedSessionRead(TokenRead):
    """Logged in after linking; ``next`` is where the login started."""

    next: str


class LinkRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    ticket: Annotated[str, Field(min_length=1, max_length=2000)]
    password: Annotated[str, Field(min_length=1, max_length=128)]


# Administrators. Every write names a reason; it goes into the audit log with who and when.
Reason = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]
GrantableRole = Literal["moderator", "admin"]
RoleName = Literal["member", "moderator", "admin"]


class AdminAccountRead(BaseModel):
    """An account as administrators see it."""

    id: uuid.UUID
    email: str | None
    nickname: str
    status: Literal["active", "banned", "deleted"]
    roles: list[RoleName]
    created_at: datetime
    banned_at: datetime | None


class AdminAccountPage(Page[AdminAccountRead]):
    pass


class RoleChange(BaseModel):
    model_config = ConfigDict(extra="forbid")

    role: GrantableRole
    reason: Reason


class BanRequest(BaseModel):
    """The reason for a ban or for lifting it (required; shown in the audit log)."""

    model_config = ConfigDict(extra="forbid")

    reason: Reason


class AuditEntryRead(BaseModel):
    id: uuid.UUID
    action: Literal["role_granted", "role_revoked", "account_banned", "account_unbanned"]
    target_account_id: uuid.UUID
    target_nickname: str | None
    role: GrantableRole | None
    reason: str
    # Null when the actor is not an account (the command line); see ``actor_label``.
    actor_account_id: uuid.UUID | None
    actor_nickname: str | None
    actor_label: str
    created_at: datetime


class AuditEntryPage(Page[AuditEntryRead]):
    pass
