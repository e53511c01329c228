from sqlalchemy.orm import DeclarativeBase

from mungmo.platform.db import service_metadata


class Base(DeclarativeBase):
    # scheduled_jobs: a schedule's reminder is a durable job (mungmo.platform.scheduling).
    metadata = service_metadata(scheduled_jobs=True)
