from sqlalchemy import String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from mungmo.platform.db import IdMixin, TimestampMixin, service_metadata


class Base(DeclarativeBase):
    metadata = service_metadata()


STARTING_TRUST_SCORE = 30


class Member(IdMixin, TimestampMixin, Base):
    """A member's profile; its id is the account id from the identity service."""

    __tablename__ = "members"

    nickname: Mapped[str] = mapped_column(String(20))
    # A copy fed by the trust service later; the member card shows it.
    trust_score: Mapped[int] = mapped_column(default=STARTING_TRUST_SCORE)
    onboarding_status: Mapped[str] = mapped_column(String(16), default="pending")
