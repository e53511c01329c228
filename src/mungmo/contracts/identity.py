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
