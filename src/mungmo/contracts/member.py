"""Events the member service publishes (topic ``mungmo.member.member``, key: the member id,
or for events between two members the pair, ``relation_key``)."""

import uuid
from datetime import datetime

from pydantic import BaseModel

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


class PublicDog(BaseModel):
    """A dog as other members may see it: a field its owner keeps private is None."""

    id: uuid.UUID
    name: str | None = None
    breed: str | None = None
    size: str | None = None
    photo_media_id: uuid.UUID | None = None
    traits: list[str] | None = None
    muzzle: bool | None = None
    energy_level: int | None = None
    play_style: str | None = None


@contract(source="member", aggregate="member", name="ProfileChanged")
class ProfileChanged(Event):
    """The member changed their profile or dogs. Carries only what anyone may see:
    consumers keeping a display copy (photo, dogs) refresh it; ``changed`` names the
    parts (e.g. ``photo``, ``owner_traits``, ``dogs``). ``dogs``: every dog of the
    member with its public fields only (None from publishers before it was added)."""

    member_id: uuid.UUID
    nickname: str
    photo_media_id: uuid.UUID | None
    changed: list[str]
    changed_at: datetime
    dogs: list[PublicDog] | None = None


@contract(source="member", aggregate="member", name="NeighbourhoodVerified")
class NeighbourhoodVerified(Event):
    """The member proved they live in a 행정동 (the position itself is never kept);
    the verification counts until ``expires_at``."""

    member_id: uuid.UUID
    region_code: str
    region_name: str
    verified_at: datetime
    expires_at: datetime


def relation_key(one: uuid.UUID, other: uuid.UUID) -> str:
    """The key of the events about two members (friends, blocks): the same for both
    directions, so a consumer sees what happened between them in the order it did."""
    first, second = sorted((one, other))
    return f"{first}:{second}"


@contract(source="member", aggregate="member", name="FriendAdded")
class FriendAdded(Event):
    """``member_id`` added ``friend_id``; friendship is mutual from that moment."""

    member_id: uuid.UUID
    friend_id: uuid.UUID
    added_at: datetime


@contract(source="member", aggregate="member", name="FriendRemoved")
class FriendRemoved(Event):
    """The friendship between ``member_id`` and ``friend_id`` ended (removed, or a block)."""

    member_id: uuid.UUID
    friend_id: uuid.UUID
    removed_at: datetime


@contract(source="member", aggregate="member", name="MemberBlocked")
class MemberBlocked(Event):
    """``member_id`` blocked ``blocked_member_id``: other services hide the blocked
    member's posts, comments, meetups and messages from the blocker and stop them
    from interacting. The blocked member is not told."""

    member_id: uuid.UUID
    blocked_member_id: uuid.UUID
    blocked_at: datetime


@contract(source="member", aggregate="member", name="MemberUnblocked")
class MemberUnblocked(Event):
    member_id: uuid.UUID
    unblocked_member_id: uuid.UUID
    unblocked_at: datetime
