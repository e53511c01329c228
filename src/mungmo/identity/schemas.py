import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, EmailStr, Field, StringConstraints

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
