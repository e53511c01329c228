import uuid
from datetime import datetime

from sqlalchemy import BigInteger, String, Uuid
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from mungmo.platform.db import IdMixin, TimestampMixin, service_metadata
from mungmo.platform.db.types import UtcDateTime


class Base(DeclarativeBase):
    metadata = service_metadata()


class Media(IdMixin, TimestampMixin, Base):
    """One uploaded file that passed the checks, stored cleaned with a thumbnail (and,
    for a video, a poster)."""

    __tablename__ = "media"

    # The uploader's account id (from the access token).
    owner_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    kind: Mapped[str] = mapped_column(String(8))
    purpose: Mapped[str] = mapped_column(String(32))
    content_type: Mapped[str] = mapped_column(String(64))
    width: Mapped[int]
    height: Mapped[int]
    byte_size: Mapped[int] = mapped_column(BigInteger)
    # Storage keys are made by the service from the id, never from user input.
    file_key: Mapped[str] = mapped_column(String(200))
    file_sha256: Mapped[str] = mapped_column(String(64))
    thumbnail_key: Mapped[str] = mapped_column(String(200))
    thumbnail_content_type: Mapped[str] = mapped_column(String(64))
    thumbnail_sha256: Mapped[str] = mapped_column(String(64))
    # Videos only: the poster frame and the length.
    poster_key: Mapped[str | None] = mapped_column(String(200))
    poster_content_type: Mapped[str | None] = mapped_column(String(64))
    poster_sha256: Mapped[str | None] = mapped_column(String(64))
    duration_ms: Mapped[int | None]

    def owned_by(self, account_id: uuid.UUID) -> bool:
        return self.owner_id == account_id


class ErasedOwner(Base):
    """An account whose media was erased (AccountDeleted); its still-valid access
    tokens must not upload again."""

    __tablename__ = "erased_owners"

    owner_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    erased_at: Mapped[datetime] = mapped_column(UtcDateTime)
