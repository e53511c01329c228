import base64
import uuid
from datetime import UTC, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from mungmo.platform.db.types import UtcDateTime
from mungmo.platform.pagination import (
    CursorInvalid,
    Keyset,
    Page,
    PageRequest,
    SortKey,
    decode_cursor,
    encode_cursor,
)


class _Base(DeclarativeBase):
    pass


class _Note(_Base):
    __tablename__ = "notes"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())


class _NotePage(Page[str]):
    pass


NEWEST_FIRST = Keyset(
    (SortKey(_Note.created_at, datetime, descending=True), SortKey(_Note.id, uuid.UUID))
)


def test_a_cursor_round_trips_its_key() -> None:
    key = [datetime(2026, 12, 1, 9, 30, 15, 123456, tzinfo=UTC), uuid.uuid4(), 7, "x"]
    cursor = encode_cursor(key)
    assert "=" not in cursor
    assert decode_cursor(cursor, [datetime, uuid.UUID, int, str]) == key


@pytest.mark.parametrize(
    "cursor",
    [
        "not base64 at all!",
        base64.urlsafe_b64encode(b"{not json").decode(),
        base64.urlsafe_b64encode(b'{"a": 1}').decode(),
        encode_cursor(["2026-12-01T00:00:00+00:00"]),  # one value where two are expected
        # Fixed values: pytest-xdist workers must collect the same test ids.
        encode_cursor(["yesterday", uuid.UUID(int=1)]),
        encode_cursor([datetime(2026, 12, 1, tzinfo=UTC), "not-a-uuid"]),
        encode_cursor([datetime(2026, 12, 1, tzinfo=UTC), 12]),
        "",
    ],
)
def test_anything_else_is_an_invalid_cursor(cursor: str) -> None:
    with pytest.raises(CursorInvalid) as raised:
        decode_cursor(cursor, [datetime, uuid.UUID])
    assert raised.value.status == 422
    assert raised.value.code == "request.cursor_invalid"


def test_a_full_page_fetches_one_row_more_and_points_past_its_last_item() -> None:
    rows = [(f"note {n}", n) for n in range(4)]
    page = NEWEST_FIRST.page(
        rows,
        PageRequest(limit=3),
        key=lambda row: [datetime(2026, 1, 1, tzinfo=UTC), uuid.UUID(int=row[1])],
        read=lambda row: row[0],
        into=_NotePage,
    )
    assert page.items == ["note 0", "note 1", "note 2"]
    assert page.next_cursor is not None
    assert decode_cursor(page.next_cursor, [datetime, uuid.UUID])[1] == uuid.UUID(int=2)


def test_the_last_page_has_no_cursor() -> None:
    page = NEWEST_FIRST.page(
        [("only", 1)],
        PageRequest(limit=3),
        key=lambda row: [datetime(2026, 1, 1, tzinfo=UTC), uuid.UUID(int=row[1])],
        read=lambda row: row[0],
        into=_NotePage,
    )
    assert page.items == ["only"]
    assert page.next_cursor is None


def test_the_query_continues_strictly_after_the_cursor_in_each_columns_direction() -> None:
    cursor = encode_cursor([datetime(2026, 1, 1, tzinfo=UTC), uuid.UUID(int=5)])
    statement = NEWEST_FIRST.select_page(select(_Note), PageRequest(cursor=cursor, limit=10))
    sql = str(statement.compile(compile_kwargs={"literal_binds": False}))
    assert "notes.created_at < :created_at_1" in sql
    assert "notes.created_at = :created_at_2 AND notes.id > :id_1" in sql
    assert "ORDER BY notes.created_at DESC, notes.id ASC" in sql
    assert statement.compile().params["param_1"] == 11
