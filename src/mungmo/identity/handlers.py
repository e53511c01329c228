"""Identity's event handlers: each only translates an event into a use case call."""

from mungmo.contracts.member import MemberOnboarded
from mungmo.contracts.trust import MemberBanned
from mungmo.identity import service
from mungmo.platform.db import UnitOfWork


async def on_member_onboarded(event: MemberOnboarded, uow: UnitOfWork) -> None:
    # A member's id is their account's id.
    await service.mark_onboarded(uow, account_id=event.member_id, onboarded_at=event.onboarded_at)


async def on_member_banned(event: MemberBanned, uow: UnitOfWork) -> None:
    await service.ban_reported_member(
        uow, account_id=event.member_id, banned_by=event.banned_by, reason=event.reason
    )
