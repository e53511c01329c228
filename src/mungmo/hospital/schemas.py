import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from mungmo.platform.pagination import Page

Clock = Field(pattern=r"^([01]\d|2[0-4]):[0-5]\d$", examples=["09:00"])


class HoursIntervalIn(BaseModel):
    weekday: int = Field(ge=0, le=6, description="0 = Monday … 6 = Sunday (Korean time).")
    opens: str = Clock
    closes: str = Clock


class HoursIntervalRead(BaseModel):
    weekday: int
    opens: str
    closes: str


class HospitalRead(BaseModel):
    id: uuid.UUID
    name: str
    phone: str | None = Field(description="Dialable, with area code (e.g. 062-571-1275).")
    address: str | None
    lot_address: str | None
    province: str | None
    district: str | None
    latitude: float | None
    longitude: float | None
    open_24h: bool = Field(description="Set by administrators.")
    name_hint_24h: bool = Field(description='The name says "24시": a hint only, not checked.')
    open_now: bool | None = Field(description="From administrators' hours; null when unknown.")
    livestock: bool
    distance_m: int | None = Field(default=None, description="From the position given.")


class HospitalDetailRead(HospitalRead):
    hours: list[HoursIntervalRead]
    phone_as_registered: str | None


class HospitalPage(Page[HospitalRead]):
    pass


class HospitalProvinceRead(BaseModel):
    name: str
    count: int


class HospitalDistrictRead(BaseModel):
    name: str
    count: int


class HospitalMapRead(BaseModel):
    tile_url: str | None = Field(description="Tile URL template; null: draw markers only.")
    attribution: str


class HospitalHoursUpdate(BaseModel):
    open_24h: bool
    hours: list[HoursIntervalIn] = Field(default_factory=list, max_length=28)


CorrectionKind = Literal["hours", "phone", "closed"]
CorrectionStatus = Literal["pending", "accepted", "rejected"]


class HospitalCorrectionCreate(BaseModel):
    kind: CorrectionKind
    phone: str | None = Field(default=None, max_length=30)
    hours: list[HoursIntervalIn] | None = Field(default=None, max_length=28)
    open_24h: bool | None = None
    note: str = Field(default="", max_length=500)


class HospitalCorrectionRead(BaseModel):
    id: uuid.UUID
    hospital_id: uuid.UUID
    hospital_name: str
    kind: CorrectionKind
    phone: str | None
    hours: list[HoursIntervalRead] | None
    open_24h: bool | None
    note: str
    status: CorrectionStatus
    created_at: datetime
    decided_at: datetime | None
    decision_reason: str


class HospitalCorrectionPage(Page[HospitalCorrectionRead]):
    pass


class HospitalCorrectionDecision(BaseModel):
    reason: str = Field(default="", max_length=500)


class HospitalAuditEntryRead(BaseModel):
    id: uuid.UUID
    hospital_id: uuid.UUID | None
    actor_id: uuid.UUID | None
    actor_label: str
    action: str
    details: dict[str, object]
    created_at: datetime


class HospitalAuditEntryPage(Page[HospitalAuditEntryRead]):
    pass
