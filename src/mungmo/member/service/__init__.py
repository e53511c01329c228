"""Member use cases: one function and one transaction each. The API and the handlers
call them as ``service.<use_case>``, whichever module holds them."""

from mungmo.member.service.context import MemberPolicy, Members
from mungmo.member.service.directory import search_members
from mungmo.member.service.dogs import add_dog, delete_dog, update_dog
from mungmo.member.service.lifecycle import (
    ban_member,
    change_nickname,
    create_member,
    erase_member,
    record_media,
    show_trust_score,
    unban_member,
)
from mungmo.member.service.lookups import find_breeds, list_traits
from mungmo.member.service.neighbourhood import (
    import_regions,
    regions_available,
    search_regions,
    verify_neighbourhood,
)
from mungmo.member.service.profile import get_my_profile, update_my_profile
from mungmo.member.service.relations import (
    add_friend,
    block_member,
    get_member_card,
    list_blocks,
    list_friends,
    remove_friend,
    unblock_member,
)

__all__ = [
    "MemberPolicy",
    "Members",
    "add_dog",
    "add_friend",
    "ban_member",
    "block_member",
    "change_nickname",
    "create_member",
    "delete_dog",
    "erase_member",
    "find_breeds",
    "get_member_card",
    "get_my_profile",
    "import_regions",
    "list_blocks",
    "list_friends",
    "list_traits",
    "record_media",
    "regions_available",
    "remove_friend",
    "search_members",
    "search_regions",
    "show_trust_score",
    "unban_member",
    "unblock_member",
    "update_dog",
    "update_my_profile",
    "verify_neighbourhood",
]
