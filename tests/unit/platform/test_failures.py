"""What the consumer waits out (infrastructure) and what it parks (the event's fault)."""

import sqlite3

import pytest
from aiokafka.errors import KafkaConnectionError, MessageSizeTooLargeError, RequestTimedOutError
from aiomysql import IntegrityError as MySQLIntegrityError
from aiomysql import InterfaceError as MySQLInterfaceError
from aiomysql import OperationalError as MySQLOperationalError
from sqlalchemy import exc as sa_exc

from mungmo.platform.events.failures import is_infrastructure_error


def _wrapped(cls: type[sa_exc.DBAPIError], orig: Exception) -> sa_exc.DBAPIError:
    return cls("INSERT INTO inbox ...", {}, orig)


@pytest.mark.parametrize(
    "error",
    [
        _wrapped(sa_exc.OperationalError, MySQLOperationalError(1213, "Deadlock found")),
        _wrapped(sa_exc.OperationalError, MySQLOperationalError(1205, "Lock wait timeout")),
        _wrapped(sa_exc.OperationalError, MySQLOperationalError(2003, "Can't connect")),
        _wrapped(sa_exc.OperationalError, MySQLOperationalError(2013, "Lost connection")),
        _wrapped(sa_exc.InterfaceError, MySQLInterfaceError(0, "")),
        _wrapped(sa_exc.OperationalError, sqlite3.OperationalError("database is locked")),
        sa_exc.TimeoutError("QueuePool limit of size 10 overflow 20 reached"),
        KafkaConnectionError("broker gone"),
        RequestTimedOutError(),
        ConnectionRefusedError(111, "Connection refused"),
    ],
    ids=lambda error: type(error).__name__ + ":" + str(error)[:40],
)
def test_the_infrastructure_away_is_waited_out(error: Exception) -> None:
    assert is_infrastructure_error(error)


@pytest.mark.parametrize(
    "error",
    [
        ValueError("handler bug"),
        KeyError("missing"),
        _wrapped(sa_exc.IntegrityError, MySQLIntegrityError(1062, "Duplicate entry")),
        _wrapped(sa_exc.OperationalError, sqlite3.OperationalError("no such column: x")),
        _wrapped(sa_exc.OperationalError, MySQLOperationalError(1054, "Unknown column")),
        MessageSizeTooLargeError(),
    ],
    ids=lambda error: type(error).__name__ + ":" + str(error)[:40],
)
def test_the_event_or_the_code_at_fault_is_not(error: Exception) -> None:
    assert not is_infrastructure_error(error)


def test_a_cause_raised_from_deep_inside_a_handler_counts() -> None:
    try:
        try:
            raise _wrapped(sa_exc.OperationalError, MySQLOperationalError(2006, "gone away"))
        except sa_exc.OperationalError as inner:
            raise RuntimeError("use case failed") from inner
    except RuntimeError as outer:
        assert is_infrastructure_error(outer)
