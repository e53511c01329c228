import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Double,
    ForeignKey,
    Index,
    SmallInteger,
    String,
    UniqueConstraint,
    Uuid,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from mungmo.platform.db import IdMixin, TimestampMixin, service_metadata
from mungmo.platform.db.types import UtcDateTime


class Base(DeclarativeBase):
    metadata = service_metadata()


class Hospital(IdMixin, TimestampMixin, Base):
    """One licence of the public register, plus what administrators keep true.

    The register columns are replaced by every import; ``open_24h``, ``phone_override``
    and ``closed_by_admin`` belong to administrators and no import touches them.
    """

    __tablename__ = "hospitals"
    __table_args__ = (
        UniqueConstraint("authority_code", "licence_id", name="uq_hospitals_licence"),
        Index("ix_hospitals_listed_region", "listed", "province", "district", "name"),
        Index("ix_hospitals_listed_name", "listed", "name"),
    )

    authority_code: Mapped[str] = mapped_column(String(7))
    licence_id: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(12))
    status_code: Mapped[str] = mapped_column(String(2))
    detail_status_code: Mapped[str] = mapped_column(String(8))
    phone: Mapped[str | None] = mapped_column(String(20), default=None)
    phone_raw: Mapped[str | None] = mapped_column(String(100), default=None)
    road_address: Mapped[str | None] = mapped_column(String(300), default=None)
    lot_address: Mapped[str | None] = mapped_column(String(300), default=None)
    province: Mapped[str | None] = mapped_column(String(20), default=None)
    district: Mapped[str | None] = mapped_column(String(40), default=None)
    latitude: Mapped[float | None] = mapped_column(Double, default=None)
    longitude: Mapped[float | None] = mapped_column(Double, default=None)
    livestock: Mapped[bool] = mapped_column(Boolean, default=False)
    name_hint_24h: Mapped[bool] = mapped_column(Boolean, default=False)
    register_modified: Mapped[str] = mapped_column(String(19), default="")
    duplicate_of: Mapped[str | None] = mapped_column(String(50), default=None)
    # Administrators' facts.
    open_24h: Mapped[bool] = mapped_column(Boolean, default=False)
    phone_override: Mapped[str | None] = mapped_column(String(20), default=None)
    closed_by_admin: Mapped[bool] = mapped_column(Boolean, default=False)
    # Shown in searches: open, not a repeat, not closed by an administrator.
    listed: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)

    def relist(self) -> None:
        self.listed = (
            self.status == "open" and self.duplicate_of is None and not self.closed_by_admin
        )

    @property
    def shown_phone(self) -> str | None:
        return self.phone_override or self.phone


class HospitalHours(IdMixin, Base):
    """One interval of a hospital's weekly hours (see domain.hours)."""

    __tablename__ = "hospital_hours"
    __table_args__ = (Index("ix_hospital_hours_day", "weekday", "opens", "closes"),)

    hospital_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("hospitals.id", ondelete="CASCADE"), index=True
    )
    weekday: Mapped[int] = mapped_column(SmallInteger)
    opens: Mapped[int] = mapped_column(SmallInteger)
    closes: Mapped[int] = mapped_column(SmallInteger)


# Stands in for the member behind a correction once their account is deleted.
DELETED_MEMBER_ID = uuid.UUID(int=0)


class HospitalCorrection(IdMixin, TimestampMixin, Base):
    """A member's suggestion (hours, phone, closed) waiting for an administrator."""

    __tablename__ = "hospital_corrections"
    __table_args__ = (Index("ix_hospital_corrections_status", "status", "created_at", "id"),)

    hospital_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("hospitals.id", ondelete="CASCADE"), index=True
    )
    member_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    kind: Mapped[str] = mapped_column(String(12))
    phone: Mapped[str | None] = mapped_column(String(20), default=None)
    # [{"weekday": 0, "opens": "09:00", "closes": "18:00"}, ...] and the 24-hour flag.
    hours: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON, default=None)
    open_24h: Mapped[bool | None] = mapped_column(Boolean, default=None)
    note: Mapped[str] = mapped_column(String(500), default="")
    status: Mapped[str] = mapped_column(String(12), default="pending")
    decided_by: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)
    decision_reason: Mapped[str] = mapped_column(String(500), default="")


class HospitalAuditEntry(IdMixin, TimestampMixin, Base):
    """Append-only record of every change: imports, hour edits, correction decisions."""

    __tablename__ = "hospital_audit_entries"
    __table_args__ = (Index("ix_hospital_audit_entries_created", "created_at", "id"),)

    hospital_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None, index=True)
    actor_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    actor_label: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(40))
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class MemberNeighbourhood(Base):
    """A member's verified 행정동, copied from ``NeighbourhoodVerified`` (never a position):
    the centre of it is where "near my 동" measures from."""

    __tablename__ = "member_neighbourhoods"

    member_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    region_code: Mapped[str] = mapped_column(String(10))
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)
