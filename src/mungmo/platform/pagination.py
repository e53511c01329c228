"""Keyset pagination: ``<Thing>Page`` responses with an opaque cursor.

A page is ordered by a few columns whose last one is unique (usually the id), so the
next page starts strictly after the last row shown: rows added or removed meanwhile
never make a page repeat or skip one that stayed. The cursor is the last row's key,
JSON in URL-safe base64; clients pass it back unchanged and never read it.
"""

import base64
import binascii
import json
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any, Generic, TypeVar, TypeVarTuple

from fastapi import Depends, Query
from pydantic import BaseModel, Field
from sqlalchemy import ColumnElement, Select, and_, false, or_
from sqlalchemy.orm import InstrumentedAttribute

from mungmo.platform.errors import DomainError

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
MAX_CURSOR_LENGTH = 512

Item = TypeVar("Item")
Row = TypeVar("Row")
PageT = TypeVar("PageT", bound="Page[Any]")
Columns = TypeVarTuple("Columns")
KeyValue = datetime | uuid.UUID | int | str


class CursorInvalid(DomainError):
    status = 422
    code = "request.cursor_invalid"
    title = "The page cursor is not valid"


class Page(BaseModel, Generic[Item]):
    """One page of a list; subclass it as ``<Thing>Page(Page[<Thing>Read])``."""

    items: list[Item]
    next_cursor: str | None = Field(
        default=None, description="Pass as `cursor` for the next page; absent on the last page."
    )


@dataclass(frozen=True)
class PageRequest:
    cursor: str | None = None
    limit: int = DEFAULT_LIMIT


def page_request(
    cursor: Annotated[
        str | None,
        Query(max_length=MAX_CURSOR_LENGTH, description="`next_cursor` of the previous page."),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
) -> PageRequest:
    return PageRequest(cursor=cursor, limit=limit)


# The query parameters of every paged list endpoint: `cursor` and `limit`.
PageParams = Annotated[PageRequest, Depends(page_request)]


def _encode_value(value: KeyValue) -> str | int:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return value.hex
    return value


def _decode_value(raw: object, kind: type) -> KeyValue:
    if kind is datetime and isinstance(raw, str):
        return datetime.fromisoformat(raw)
    if kind is uuid.UUID and isinstance(raw, str):
        return uuid.UUID(hex=raw)
    if kind in (int, str) and type(raw) is kind:
        return raw
    raise ValueError(f"expected {kind.__name__}")


def encode_cursor(key: Sequence[KeyValue]) -> str:
    raw = json.dumps([_encode_value(value) for value in key], separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, kinds: Sequence[type]) -> list[KeyValue]:
    """The key inside ``cursor``; ``CursorInvalid`` (422) for anything this server did
    not hand out in that shape."""
    try:
        raw = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if not isinstance(raw, list) or len(raw) != len(kinds):
            raise ValueError("wrong number of values")
        return [_decode_value(value, kind) for value, kind in zip(raw, kinds, strict=True)]
    except (binascii.Error, UnicodeDecodeError, ValueError, TypeError) as error:
        raise CursorInvalid("Start again from the first page.") from error


@dataclass(frozen=True)
class SortKey:
    column: InstrumentedAttribute[Any]
    kind: type
    descending: bool = False


@dataclass(frozen=True)
class Keyset:
    """The order of a list: columns, their Python types and directions; the last
    column must be unique within the list."""

    keys: tuple[SortKey, ...]

    def _after(self, values: Sequence[KeyValue]) -> ColumnElement[bool]:
        # (a, b) after (x, y): a past x, or a = x and b past y; per column direction.
        branches: list[ColumnElement[bool]] = []
        for index, key in enumerate(self.keys):
            equal_before = [k.column == v for k, v in zip(self.keys[:index], values, strict=False)]
            past = key.column < values[index] if key.descending else key.column > values[index]
            branches.append(and_(*equal_before, past))
        return or_(false(), *branches)

    def select_page(self, statement: Select[*Columns], page: PageRequest) -> Select[*Columns]:
        """``statement`` ordered, starting after the cursor, with one row more than the
        limit (that row only tells whether there is a next page)."""
        ordered = statement.order_by(
            *(key.column.desc() if key.descending else key.column.asc() for key in self.keys)
        )
        if page.cursor is not None:
            values = decode_cursor(page.cursor, [key.kind for key in self.keys])
            ordered = ordered.where(self._after(values))
        return ordered.limit(page.limit + 1)

    def page(
        self,
        rows: Sequence[Row],
        page: PageRequest,
        *,
        key: Callable[[Row], Sequence[KeyValue]],
        read: Callable[[Row], Any],
        into: type[PageT],
    ) -> PageT:
        """The page of rows fetched with ``select_page``, with the next page's cursor."""
        shown = rows[: page.limit]
        more = len(rows) > page.limit
        next_cursor = encode_cursor(key(shown[-1])) if more and shown else None
        return into(items=[read(row) for row in shown], next_cursor=next_cursor)
