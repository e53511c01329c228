"""Clubs and their members as the API takes and returns them."""

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, Field

from mungmo.club.domain import Role
from mungmo.club.schemas.schedules import ScheduleCreate, ScheduleRead
from mungmo.platform.http.fields import Omittable
from mungmo.platform.pagination import Page


class Topic(StrEnum):
    WALK = "walk"  # 산책
    TRAINING = "training"  # 훈련
    PLAY = "play"  # 놀이/운동장
    BREED = "breed"  # 견종 모임
    SPORTS = "sports"  # 어질리티·스포츠
    CARE = "care"  # 건강·돌봄
    OTHER = "other"


JoinMode = Literal["open", "approval"]


class ClubCreate(BaseModel):
    title: str = Field(min_length=2, max_length=60)
    text: str = Field(min_length=1, max_length=2000)
    topic: Topic
    join_mode: JoinMode = "open"
    cover_media_id: uuid.UUID | None = Field(
        default=None, description="The member's own `club_photo` upload."
    )
    schedules: list[ScheduleCreate] = Field(default_factory=list, max_length=5)


class ClubUpdate(BaseModel):
    title: Omittable[str] = Field(default=None, min_length=2, max_length=60)
    text: Omittable[str] = Field(default=None, min_length=1, max_length=2000)
    topic: Omittable[Topic] = None
    join_mode: Omittable[JoinMode] = None
    cover_media_id: uuid.UUID | None = None


class ClubRead(BaseModel):
    id: uuid.UUID
    title: str
    text: str
    topic: Topic
    region_code: str
    region_name: str
    join_mode: JoinMode
    cover_url: str | None
    owner_id: uuid.UUID
    member_count: int
    next_schedule: ScheduleRead | None
    # The caller's place in the club: a role, "pending", or null (not in it).
    my_role: Role | None
    my_status: Literal["active", "pending"] | None
    created_at: datetime


class ClubPage(Page[ClubRead]): ...


class JoinResult(BaseModel):
    status: Literal["active", "pending"]


class MemberRead(BaseModel):
    member_id: uuid.UUID
    nickname: str
    role: Role
    status: Literal["active", "pending"]
    joined_at: datetime | None


class MemberPage(Page[MemberRead]): ...


class RemoveMember(BaseModel):
    allow_rejoin: bool = Field(description="False: a rejoin ban holds until lifted.")


class ClubRoleChange(BaseModel):
    role: Literal["manager", "member"]


class OwnershipTransfer(BaseModel):
    member_id: uuid.UUID
