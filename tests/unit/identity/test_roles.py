import uuid

from mungmo.identity.models import GRANTABLE_ROLES, Role, token_roles
from mungmo.platform.auth import Actor


def actor(*roles: str) -> Actor:
    return Actor(member_id=uuid.uuid4(), session_id="s", roles=frozenset(roles))


def test_every_account_is_a_member_and_granted_roles_follow_in_a_stable_order() -> None:
    assert token_roles([]) == ["member"]
    assert token_roles(["moderator", "admin", "admin", "member"]) == [
        "member",
        "admin",
        "moderator",
    ]
    assert Role.MEMBER not in GRANTABLE_ROLES


def test_admins_hold_moderator_powers_members_neither() -> None:
    assert actor("member", "admin").is_moderator and actor("member", "admin").is_admin
    assert actor("member", "moderator").is_moderator
    assert not actor("member", "moderator").is_admin
    assert not actor("member").is_moderator and not actor("member").is_admin
