from sqlalchemy.orm import DeclarativeBase

from mungmo.platform.db import service_metadata


class Base(DeclarativeBase):
    metadata = service_metadata()
