"""Member use cases."""

import uuid
from datetime import datetime

from mungmo.contracts.member import MemberCreated
from mungmo.member.models import STARTING_TRUST_SCORE, Member
from mungmo.member.schemas import MyProfileRead
from mungmo.platform.auth import Actor
from mungmo.platform.db import UnitOfWork
from mungmo.platform.errors import NotFound


class MemberNotFound(NotFound):
    code = "member.not_found"
    title = "No such member"


async def create_member(
    uow: UnitOfWork, *, account_id: uuid.UUID, nickname: str, registered_at: datetime
) -> None:
    """Creates the profile shell for a new account; pending onboarding, trust score 30."""
    async with uow:
        if await uow.session.get(Member, account_id) is not None:
            return
        member = Member(
            id=account_id,
            nickname=nickname,
            trust_score=STARTING_TRUST_SCORE,
            onboarding_status="pending",
            created_at=registered_at,
        )
        uow.session.add(member)
        uow.emit(
            MemberCreated(
                member_id=member.id,
                nickname=member.nickname,
                trust_score=member.trust_score,
                created_at=member.created_at,
            ),
            key=member.id,
        )
        await uow.commit()


async def get_my_profile(uow: UnitOfWork, actor: Actor) -> MyProfileRead:
    async with uow:
        member = await uow.session.get(Member, actor.member_id)
        if member is None:
            raise MemberNotFound("Your profile is still being created; try again shortly.")
        return MyProfileRead.model_validate(member)
