import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class MyProfileRead(BaseModel):
    """The member's own view of their profile (every field)."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    nickname: str
    trust_score: int = Field(ge=0, le=100)
    onboarding_status: Literal["pending", "completed"]
    created_at: datetime
