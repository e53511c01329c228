"""The deny list against a real service database: which tokens a ban, an unban and a
deletion refuse, what several databases add up to, and pruning."""

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from mungmo.platform.db import Database, UnitOfWork, service_metadata
from mungmo.platform.db.database import ensure_database_exists
from mungmo.platform.db.denials import DenialReason, access_denials
from mungmo.platform.deny_list import DenyList, deny_access, lift_ban
from tests.support.stack import Stack

BANNED_AT = datetime(2026, 12, 1, 12, 0, 0, 500_000, tzinfo=UTC)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
async def database(stack: Stack) -> AsyncIterator[Database]:
    database = await _database(stack, "denials")
    try:
        yield database
    finally:
        await database.dispose()


async def _database(stack: Stack, name: str) -> Database:
    url = stack.database_url(name)
    await ensure_database_exists(url)
    database = Database(url, service_metadata(), name=name)
    async with database.engine.begin() as connection:
        await connection.run_sync(database.metadata.create_all)
    return database


async def _deny(
    database: Database, account: uuid.UUID, since: datetime, reason: DenialReason
) -> None:
    await deny_access(UnitOfWork(database), account_id=account, since=since, reason=reason)


def _seconds(moment: datetime) -> int:
    """A token's ``iat``: whole seconds since the epoch."""
    return int(moment.timestamp())


async def test_a_ban_refuses_tokens_issued_until_it_and_an_unban_lifts_it(
    database: Database,
) -> None:
    account, bystander = uuid.uuid4(), uuid.uuid4()
    deny_list = DenyList([database], clock=Clock(BANNED_AT + timedelta(seconds=1)))
    await _deny(database, account, BANNED_AT, "banned")
    # Known only after the next refresh: token checks never read the database.
    assert not deny_list.refuses(account, _seconds(BANNED_AT - timedelta(minutes=5)))
    await deny_list.refresh()

    assert deny_list.refuses(account, _seconds(BANNED_AT - timedelta(minutes=5)))
    # Issued in the same second as the ban: iat is rounded down, so it is refused.
    assert deny_list.refuses(account, _seconds(BANNED_AT))
    assert deny_list.refuses(account, BANNED_AT)
    assert not deny_list.refuses(account, _seconds(BANNED_AT + timedelta(seconds=1)))
    assert not deny_list.refuses(bystander, _seconds(BANNED_AT - timedelta(minutes=5)))

    await lift_ban(UnitOfWork(database), account_id=account)
    await deny_list.refresh()
    assert not deny_list.refuses(account, _seconds(BANNED_AT - timedelta(minutes=5)))
    assert not deny_list.refuses(account, _seconds(BANNED_AT + timedelta(minutes=1)))


async def test_a_deletion_refuses_every_token_and_is_never_weakened(database: Database) -> None:
    account = uuid.uuid4()
    deny_list = DenyList([database], clock=Clock(BANNED_AT + timedelta(minutes=1)))
    await _deny(database, account, BANNED_AT, "banned")
    await _deny(database, account, BANNED_AT + timedelta(seconds=5), "deleted")
    # A late ban and an unban do not bring a deleted account back.
    await _deny(database, account, BANNED_AT + timedelta(seconds=10), "banned")
    await lift_ban(UnitOfWork(database), account_id=account)
    await deny_list.refresh()
    assert deny_list.refuses(account, _seconds(BANNED_AT + timedelta(seconds=30)))
    table = access_denials(database.metadata)
    async with database.engine.connect() as connection:
        rows = (await connection.execute(select(table.c.reason, table.c.denied_since))).all()
    assert [(reason, since) for reason, since in rows] == [
        ("deleted", BANNED_AT + timedelta(seconds=5))
    ]


async def test_denials_from_every_database_of_the_process_count(
    stack: Stack, database: Database
) -> None:
    other = await _database(stack, "denials_other")
    banned, deleted = uuid.uuid4(), uuid.uuid4()
    await _deny(database, banned, BANNED_AT, "banned")
    await _deny(other, banned, BANNED_AT, "banned")
    await _deny(other, deleted, BANNED_AT, "deleted")
    deny_list = DenyList([database, other], clock=Clock(BANNED_AT + timedelta(seconds=1)))
    await deny_list.refresh()
    assert deny_list.refuses(banned, _seconds(BANNED_AT))
    assert deny_list.refuses(deleted, _seconds(BANNED_AT + timedelta(seconds=1)))
    await other.dispose()


async def test_denials_older_than_the_token_lifetime_are_pruned(database: Database) -> None:
    old, recent = uuid.uuid4(), uuid.uuid4()
    await _deny(database, old, BANNED_AT, "deleted")
    await _deny(database, recent, BANNED_AT + timedelta(minutes=10), "banned")
    clock = Clock(BANNED_AT + timedelta(minutes=16))
    deny_list = DenyList([database], retention=timedelta(minutes=15), clock=clock)
    await deny_list.refresh()
    # Every token the old denial refused has expired by now; the recent one still counts.
    assert not deny_list.refuses(old, _seconds(BANNED_AT))
    assert deny_list.refuses(recent, _seconds(BANNED_AT))
    await deny_list.prune()
    table = access_denials(database.metadata)
    async with database.engine.connect() as connection:
        left = await connection.scalar(select(func.count()).select_from(table))
        kept = await connection.scalar(select(table.c.account_id))
    assert left == 1 and kept == recent
