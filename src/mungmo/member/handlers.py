"""Member's event handlers: each only translates an event into a use case call."""

from mungmo.contracts.identity import AccountRegistered
from mungmo.member import service
from mungmo.platform.db import UnitOfWork


async def on_account_registered(event: AccountRegistered, uow: UnitOfWork) -> None:
    await service.create_member(
        uow,
        account_id=event.account_id,
        nickname=event.nickname,
        registered_at=event.registered_at,
    )
