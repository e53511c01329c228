"""Which failures are the infrastructure's (retry until it is back) and which are the
event's or the code's (retry a few times, then park as a dead letter).

Parking an event because the database restarted loses it for every later event of
its key, so anything that can heal by itself counts as infrastructure: unreachable
database or broker, deadlocks, lock timeouts, a full pool. A bug or a bad payload
fails the same way every time and must not stall its partition forever.
"""

import socket
import sqlite3
from collections.abc import Iterator

from aiokafka.errors import KafkaConnectionError, KafkaError, KafkaTimeoutError
from aiomysql import InterfaceError as MySQLInterfaceError
from aiomysql import MySQLError
from sqlalchemy import exc as sa_exc

# MariaDB/MySQL error numbers that heal by themselves: lock wait timeout, deadlock,
# too many connections, server shutting down, connection killed, read-only during a
# fail-over, and the client-side "cannot connect / server gone / lost connection".
_TRANSIENT_MYSQL = {
    1040,
    1053,
    1205,
    1213,
    1290,
    1317,
    1836,
    1927,
    2002,
    2003,
    2006,
    2013,
    2014,
    2055,
    4031,
}
# SQLite primary result codes: busy, locked, I/O error, full disk, cannot open, protocol.
_TRANSIENT_SQLITE = {5, 6, 10, 13, 14, 15}
_TRANSIENT_SQLITE_TEXT = ("database is locked", "disk i/o error", "unable to open database")


def is_infrastructure_error(error: BaseException) -> bool:
    """True when ``error`` (or anything it was raised from) says a dependency is away."""
    return any(_transient(cause) for cause in _causes(error))


def _causes(error: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        if isinstance(current, sa_exc.DBAPIError) and isinstance(current.orig, BaseException):
            yield current.orig
        current = current.__cause__ or current.__context__


def _transient(error: BaseException) -> bool:
    if isinstance(error, sa_exc.DBAPIError) and error.connection_invalidated:
        return True
    if isinstance(error, sa_exc.DisconnectionError | sa_exc.TimeoutError):
        return True  # the pool could not hand out a live connection in time
    if isinstance(error, MySQLInterfaceError):
        return True  # "(0, '')": the connection is closed under us
    if isinstance(error, MySQLError) and error.args:
        return error.args[0] in _TRANSIENT_MYSQL
    if isinstance(error, sqlite3.OperationalError):
        code = getattr(error, "sqlite_errorcode", None)
        if code is not None:
            return code & 0xFF in _TRANSIENT_SQLITE
        return str(error).lower().startswith(_TRANSIENT_SQLITE_TEXT)
    if isinstance(error, KafkaConnectionError | KafkaTimeoutError):
        return True
    if isinstance(error, KafkaError):
        return bool(getattr(error, "retriable", False))
    return isinstance(error, ConnectionError | TimeoutError | socket.gaierror)
