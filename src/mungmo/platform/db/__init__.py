from mungmo.platform.db.base import IdMixin, TimestampMixin, service_metadata
from mungmo.platform.db.database import Database
from mungmo.platform.db.uow import DuplicateEvent, UnitOfWork, UnitOfWorkFactory

__all__ = [
    "Database",
    "DuplicateEvent",
    "IdMixin",
    "TimestampMixin",
    "UnitOfWork",
    "UnitOfWorkFactory",
    "service_metadata",
]
