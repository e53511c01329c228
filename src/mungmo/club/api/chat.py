"""Chat over HTTP: history pages, sending, deletion, read markers and unread counts.
The live stream is the socket (``socket``)."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, status

from mungmo.club import service
from mungmo.club.schemas.chat import (
    MessageCreate,
    MessagePage,
    MessageRead,
    ReadMarker,
    UnreadList,
    UnreadRead,
)
from mungmo.club.service.context import Clubs
from mungmo.platform.auth import CurrentMember
from mungmo.platform.service import provide

ClubsDep = Annotated[Clubs, Depends(provide(Clubs))]
CHAT = "/api/v1/clubs/{club_id}/chat"

router = APIRouter(tags=["club"])


@router.get(f"{CHAT}/messages")
async def chat_history(
    club_id: uuid.UUID,
    actor: CurrentMember,
    clubs: ClubsDep,
    before_seq: Annotated[int | None, Query(ge=1)] = None,
    after_seq: Annotated[int | None, Query(ge=0)] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 50,
) -> MessagePage:
    """Oldest first: the latest messages before ``before_seq``, or those after
    ``after_seq`` (catching up after a reconnect)."""
    return await service.history(
        clubs, actor, club_id, before_seq=before_seq, after_seq=after_seq, limit=limit
    )


@router.post(f"{CHAT}/messages", status_code=status.HTTP_201_CREATED)
async def send_message(
    club_id: uuid.UUID, body: MessageCreate, actor: CurrentMember, clubs: ClubsDep
) -> MessageRead:
    return await service.send_message(clubs, actor, club_id, body)


@router.delete(f"{CHAT}/messages/{{message_id}}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_message(
    club_id: uuid.UUID, message_id: uuid.UUID, actor: CurrentMember, clubs: ClubsDep
) -> None:
    """The author, the owner-admin and managers delete a message."""
    await service.delete_message(clubs, actor, club_id, message_id)


@router.put(f"{CHAT}/read")
async def mark_read(
    club_id: uuid.UUID, body: ReadMarker, actor: CurrentMember, clubs: ClubsDep
) -> UnreadRead:
    return await service.mark_read(clubs, actor, club_id, body.seq)


@router.get("/api/v1/clubs-unread")
async def unread_counts(actor: CurrentMember, clubs: ClubsDep) -> UnreadList:
    """Unread chat messages per club I am in."""
    return await service.unread_counts(clubs, actor)
