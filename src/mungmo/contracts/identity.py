"""Events the identity service publishes (topic ``mungmo.identity.account``, key: account id)."""

import uuid
from datetime import datetime

from mungmo.platform.events.contract import Event, contract


@contract(source="identity", aggregate="account", name="AccountRegistered")
class AccountRegistered(Event):
    """A person signed up; the member service creates their profile shell."""

    account_id: uuid.UUID
    nickname: str
    registered_at: datetime


@contract(source="identity", aggregate="account", name="NicknameChanged")
class NicknameChanged(Event):
    """The account's nickname changed (unique across MungMo; identity owns uniqueness)."""

    account_id: uuid.UUID
    nickname: str
    changed_at: datetime


@contract(source="identity", aggregate="account", name="AccountDeleted")
class AccountDeleted(Event):
    """The person deleted their account: every service erases personal data and
    anonymises content it holds for ``account_id``."""

    account_id: uuid.UUID
    deleted_at: datetime


@contract(source="identity", aggregate="account", name="AccountBanned")
class AccountBanned(Event):
    """An administrator banned the account permanently: it can no longer log in, and its
    e-mail and social identities cannot sign up again. Services may hide its content."""

    account_id: uuid.UUID
    banned_at: datetime


@contract(source="identity", aggregate="account", name="AccountRolesChanged")
class AccountRolesChanged(Event):
    """An administrator granted or revoked a role: access tokens issued before
    ``changed_at`` carry the old roles, so every service sends them back for a refresh."""

    account_id: uuid.UUID
    roles: list[str]
    changed_at: datetime


@contract(source="identity", aggregate="account", name="AccountUnbanned")
class AccountUnbanned(Event):
    """An administrator lifted a ban: the account may log in again and services show its
    content again. Friendships that the ban ended stay ended."""

    account_id: uuid.UUID
    unbanned_at: datetime
