"""Events the member service publishes (topic ``mungmo.member.member``, key: member id)."""

import uuid
from datetime import datetime

from mungmo.platform.events.contract import Event, contract


@contract(source="member", aggregate="member", name="MemberCreated")
class MemberCreated(Event):
    """A member profile exists (still pending onboarding) with the starting trust score."""

    member_id: uuid.UUID
    nickname: str
    trust_score: int
    created_at: datetime
