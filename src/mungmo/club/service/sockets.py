"""What a chat socket asks of the club service when it opens and while it lives."""

import uuid
from dataclasses import dataclass

from mungmo.club.domain import Action
from mungmo.club.models import Club, Membership
from mungmo.club.service.context import Clubs
from mungmo.club.service.queries import hidden_from, require, role_of
from mungmo.platform.auth import Actor


@dataclass(frozen=True)
class ChatOpening:
    last_seq: int
    last_read_seq: int
    hidden: frozenset[uuid.UUID]


async def open_chat(clubs: Clubs, actor: Actor, club_id: uuid.UUID) -> ChatOpening:
    """Only the club's active members open its chat."""
    async with clubs.uow() as uow:
        await require(uow, club_id, actor.member_id, Action.CHAT)
        club = await uow.session.get(Club, club_id)
        membership = await uow.session.get(Membership, (club_id, actor.member_id))
        assert club is not None and membership is not None
        return ChatOpening(
            last_seq=club.chat_seq,
            last_read_seq=membership.last_read_seq,
            hidden=frozenset(await hidden_from(uow, actor.member_id)),
        )


async def hidden_members(clubs: Clubs, member_id: uuid.UUID) -> frozenset[uuid.UUID]:
    async with clubs.uow() as uow:
        return frozenset(await hidden_from(uow, member_id))


async def still_member(clubs: Clubs, club_id: uuid.UUID, member_id: uuid.UUID) -> bool:
    async with clubs.uow() as uow:
        return await role_of(uow, club_id, member_id) is not None
