"""Tables whose rows, once written, are never changed or removed: audit logs.

``append_only(Model)`` refuses an ORM update or delete of one row, and a bulk UPDATE
or DELETE statement on the table (which skips the mapper events)."""

from typing import Any, TypeVar

from sqlalchemy import Table, event
from sqlalchemy.orm import ORMExecuteState, Session

ModelT = TypeVar("ModelT", bound=type[Any])

_append_only_tables: set[Table] = set()


class AuditEntryImmutable(RuntimeError):
    """Raised on any attempt to change or remove an audit entry."""


def append_only(model: ModelT) -> ModelT:
    event.listen(model, "before_update", _refuse_changing_row)
    event.listen(model, "before_delete", _refuse_changing_row)
    _append_only_tables.add(model.__table__)
    return model


def _refuse_changing_row(_mapper: Any, _connection: Any, target: Any) -> None:
    raise AuditEntryImmutable(f"audit entry {target.id} is append-only")


@event.listens_for(Session, "do_orm_execute")
def _refuse_bulk_changes(state: ORMExecuteState) -> None:
    if not (state.is_update or state.is_delete):
        return
    if getattr(state.statement, "table", None) in _append_only_tables:
        raise AuditEntryImmutable("audit entries are append-only")
