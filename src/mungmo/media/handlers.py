"""Media's event handlers: each only translates an event into a use case call."""

from mungmo.contracts.identity import AccountDeleted
from mungmo.media import service
from mungmo.media.adapters import MediaStorage
from mungmo.platform.db import UnitOfWork


async def on_account_deleted(
    event: AccountDeleted, uow: UnitOfWork, *, storage: MediaStorage
) -> None:
    await service.erase_owner_media(
        uow, storage=storage, owner_id=event.account_id, erased_at=event.deleted_at
    )
