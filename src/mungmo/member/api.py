"""Member HTTP API."""

from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Depends

from mungmo.member import service
from mungmo.member.schemas import MyProfileRead
from mungmo.platform.auth import CurrentAccount
from mungmo.platform.db import UnitOfWork
from mungmo.platform.service import provide

router = APIRouter(tags=["member"])


class MemberUnitOfWork:
    """Makes units of work on the member database for the API."""

    def __init__(self, factory: Callable[..., UnitOfWork]) -> None:
        self.new = factory


Uow = Annotated[MemberUnitOfWork, Depends(provide(MemberUnitOfWork))]


@router.get("/api/v1/members/me")
async def get_my_profile(actor: CurrentAccount, uow: Uow) -> MyProfileRead:
    return await service.get_my_profile(uow.new(), actor)
