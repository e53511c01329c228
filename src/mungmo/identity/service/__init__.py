"""Identity use cases: one function and one transaction each."""

from mungmo.identity.service.accounts import (
    change_nickname,
    get_my_account,
    mark_onboarded,
    register_account,
)
from mungmo.identity.service.admin import (
    ban_account,
    ban_reported_member,
    get_account,
    search_accounts,
    unban_account,
)
from mungmo.identity.service.audit import AuditActor, list_audit_entries
from mungmo.identity.service.context import Identity, IdentityPolicy, SocialLogin
from mungmo.identity.service.core import IssuedSession
from mungmo.identity.service.linking import link_social_account, read_link_ticket
from mungmo.identity.service.roles import grant_role, revoke_role
from mungmo.identity.service.security import change_password, delete_account
from mungmo.identity.service.sessions import log_in, log_out, refresh_session
from mungmo.identity.service.social import (
    SocialOutcome,
    SocialStart,
    complete_social_login,
    list_providers,
    start_social_login,
)

__all__ = [
    "AuditActor",
    "Identity",
    "IdentityPolicy",
    "IssuedSession",
    "SocialLogin",
    "SocialOutcome",
    "SocialStart",
    "ban_account",
    "ban_reported_member",
    "change_nickname",
    "change_password",
    "complete_social_login",
    "delete_account",
    "get_account",
    "get_my_account",
    "grant_role",
    "link_social_account",
    "list_audit_entries",
    "list_providers",
    "log_in",
    "log_out",
    "mark_onboarded",
    "read_link_ticket",
    "refresh_session",
    "register_account",
    "revoke_role",
    "search_accounts",
    "start_social_login",
    "unban_account",
]
