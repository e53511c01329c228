"""Events the hospital service consumes: one function per event, each one service call."""

from mungmo.contracts.identity import AccountDeleted
from mungmo.contracts.member import NeighbourhoodVerified
from mungmo.hospital.service.neighbourhoods import erase_member, remember_neighbourhood
from mungmo.platform.db import UnitOfWork


async def on_neighbourhood_verified(event: NeighbourhoodVerified, uow: UnitOfWork) -> None:
    await remember_neighbourhood(
        uow, member_id=event.member_id, region_code=event.region_code, expires_at=event.expires_at
    )


async def on_account_deleted(event: AccountDeleted, uow: UnitOfWork) -> None:
    await erase_member(uow, member_id=event.account_id)
