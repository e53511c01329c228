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


@contract(source="member", aggregate="member", name="MemberOnboarded")
class MemberOnboarded(Event):
    """Owner traits, at least one dog and a verified neighbourhood are in place;
    identity then puts ``onb`` into the member's access tokens (the onboarding gate)."""

    member_id: uuid.UUID
    onboarded_at: datetime
