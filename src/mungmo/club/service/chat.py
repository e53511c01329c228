"""Chat: send (stored, numbered, then fanned out through the event log), history pages,
deletion by the author and moderators, read markers and unread counts."""

import re
import uuid

from sqlalchemy import and_, func, select, update

from mungmo.club.domain import Action, may_delete
from mungmo.club.errors import MessageEmpty, MessageNotFound, MessageTooLong, NotAllowed
from mungmo.club.models import ChatMessage, Club, Membership, Person
from mungmo.club.schemas.chat import (
    MessageCreate,
    MessagePage,
    MessageRead,
    UnreadList,
    UnreadRead,
)
from mungmo.club.service.clubs import check_upload
from mungmo.club.service.context import Clubs
from mungmo.club.service.queries import hidden_from, membership_of, nicknames, require
from mungmo.contracts.club import ChatMentioned, ChatMessageDeleted, ChatMessagePosted
from mungmo.contracts.media import media_urls
from mungmo.platform.auth import Actor
from mungmo.platform.db import UnitOfWork

MENTION = re.compile(r"@([^\s@]{2,20})")
MAX_PAGE = 100


def message_read(message: ChatMessage, nickname: str) -> MessageRead:
    urls = None if message.media_id is None else media_urls(message.media_id)
    gone = message.deleted_at is not None
    return MessageRead(
        id=message.id,
        club_id=message.club_id,
        seq=message.seq,
        author_id=message.author_id,
        author_nickname=nickname,
        body="" if gone else message.body,
        image_url=None if gone or urls is None else urls.file,
        thumbnail_url=None if gone or urls is None else urls.thumbnail,
        sent_at=message.created_at,
        deleted=gone,
    )


def posted_read(event: ChatMessagePosted) -> MessageRead:
    """The message as a socket sends it, from the event every instance receives."""
    urls = None if event.media_id is None else media_urls(event.media_id)
    return MessageRead(
        id=event.message_id,
        club_id=event.club_id,
        seq=event.seq,
        author_id=event.author_id,
        author_nickname=event.author_nickname,
        body=event.body,
        image_url=None if urls is None else urls.file,
        thumbnail_url=None if urls is None else urls.thumbnail,
        sent_at=event.sent_at,
        deleted=False,
    )


async def _mentioned(
    uow: UnitOfWork, club_id: uuid.UUID, body: str, author: uuid.UUID
) -> list[uuid.UUID]:
    names = set(MENTION.findall(body))
    if not names:
        return []
    rows = await uow.session.scalars(
        select(Membership.member_id)
        .join(Person, Person.member_id == Membership.member_id)
        .where(
            Membership.club_id == club_id,
            Membership.status == "active",
            Person.nickname.in_(names),
            Membership.member_id != author,
        )
        .order_by(Membership.member_id)
    )
    return list(rows)


async def send_message(
    clubs: Clubs, actor: Actor, club_id: uuid.UUID, data: MessageCreate
) -> MessageRead:
    body = data.body.strip()
    if not body and data.media_id is None:
        raise MessageEmpty("Write something or attach an image.")
    if len(body) > clubs.policy.max_message_chars:
        raise MessageTooLong(f"At most {clubs.policy.max_message_chars} characters.")
    clubs.chat_sends.hit(str(actor.member_id))
    async with clubs.uow() as uow:
        await require(uow, club_id, actor.member_id, Action.CHAT)
        if data.media_id is not None:
            await check_upload(uow, actor, data.media_id)
        # The club's row lock numbers messages one at a time: seq has no gaps.
        await uow.session.execute(
            update(Club)
            .where(Club.id == club_id)
            .values(chat_seq=Club.chat_seq + 1)
            .execution_options(synchronize_session=False)
        )
        club = await uow.session.scalar(
            select(Club).where(Club.id == club_id).execution_options(populate_existing=True)
        )
        assert club is not None
        now = uow.clock()
        message = ChatMessage(
            id=uuid.uuid4(),
            club_id=club_id,
            seq=club.chat_seq,
            author_id=actor.member_id,
            body=body,
            media_id=data.media_id,
            created_at=now,
        )
        uow.session.add(message)
        mine = await membership_of(uow, club_id, actor.member_id)
        if mine is not None:
            mine.last_read_seq = message.seq
        nickname = (await nicknames(uow, [actor.member_id])).get(actor.member_id, "")
        uow.emit(
            ChatMessagePosted(
                club_id=club_id,
                message_id=message.id,
                seq=message.seq,
                author_id=actor.member_id,
                author_nickname=nickname,
                body=body,
                media_id=data.media_id,
                sent_at=now,
            ),
            key=club_id,
        )
        mentioned = await _mentioned(uow, club_id, body, actor.member_id)
        if mentioned:
            uow.emit(
                ChatMentioned(
                    club_id=club_id,
                    club_title=club.title,
                    message_id=message.id,
                    author_id=actor.member_id,
                    member_ids=mentioned,
                    excerpt=body[:100],
                    sent_at=now,
                ),
                key=club_id,
            )
        read = message_read(message, nickname)
        await uow.commit()
    return read


async def history(
    clubs: Clubs,
    actor: Actor,
    club_id: uuid.UUID,
    *,
    before_seq: int | None = None,
    after_seq: int | None = None,
    limit: int = 50,
) -> MessagePage:
    """A page of messages, oldest first: the latest ``limit`` before ``before_seq``, or
    the first ``limit`` after ``after_seq`` (a reconnect catching up)."""
    limit = max(1, min(limit, MAX_PAGE))
    async with clubs.uow() as uow:
        await require(uow, club_id, actor.member_id, Action.READ_CONTENT)
        hidden = await hidden_from(uow, actor.member_id)
        statement = select(ChatMessage).where(ChatMessage.club_id == club_id)
        if hidden:
            statement = statement.where(ChatMessage.author_id.not_in(hidden))
        if after_seq is not None:
            statement = statement.where(ChatMessage.seq > after_seq).order_by(ChatMessage.seq)
        else:
            if before_seq is not None:
                statement = statement.where(ChatMessage.seq < before_seq)
            statement = statement.order_by(ChatMessage.seq.desc())
        rows = list(await uow.session.scalars(statement.limit(limit + 1)))
        more = len(rows) > limit
        rows = sorted(rows[:limit], key=lambda m: m.seq)
        names = await nicknames(uow, {m.author_id for m in rows})
        older = rows[0].seq if rows and more and after_seq is None else None
        return MessagePage(
            items=[message_read(m, names.get(m.author_id, "")) for m in rows],
            next_before_seq=older,
        )


async def delete_message(
    clubs: Clubs, actor: Actor, club_id: uuid.UUID, message_id: uuid.UUID
) -> None:
    async with clubs.uow() as uow:
        role = await require(uow, club_id, actor.member_id, Action.READ_CONTENT)
        message = await uow.session.get(ChatMessage, message_id)
        if message is None or message.club_id != club_id:
            raise MessageNotFound("This message does not exist.")
        if not may_delete(role, is_author=message.author_id == actor.member_id):
            raise NotAllowed("Only its author, the owner-admin and managers delete a message.")
        if message.deleted_at is None:
            message.deleted_at = uow.clock()
            message.body = ""
            message.media_id = None
            uow.emit(
                ChatMessageDeleted(
                    club_id=club_id,
                    message_id=message.id,
                    seq=message.seq,
                    deleted_by=actor.member_id,
                    deleted_at=message.deleted_at,
                ),
                key=club_id,
            )
        await uow.commit()


async def mark_read(clubs: Clubs, actor: Actor, club_id: uuid.UUID, seq: int) -> UnreadRead:
    """The read marker moves forward only, and never past the last message."""
    async with clubs.uow() as uow:
        await require(uow, club_id, actor.member_id, Action.READ_CONTENT)
        membership = await membership_of(uow, club_id, actor.member_id)
        club = await uow.session.get(Club, club_id)
        assert membership is not None and club is not None
        membership.last_read_seq = max(membership.last_read_seq, min(seq, club.chat_seq))
        (read,) = (await _unread(uow, actor, [club_id])).items
        await uow.commit()
    return read


async def _unread(uow: UnitOfWork, actor: Actor, club_ids: list[uuid.UUID] | None) -> UnreadList:
    conditions = [Membership.member_id == actor.member_id, Membership.status == "active"]
    if club_ids is not None:
        conditions.append(Membership.club_id.in_(club_ids))
    hidden = await hidden_from(uow, actor.member_id)
    joined = [
        ChatMessage.club_id == Membership.club_id,
        ChatMessage.seq > Membership.last_read_seq,
        ChatMessage.author_id != actor.member_id,
        ChatMessage.deleted_at.is_(None),
    ]
    if hidden:
        joined.append(ChatMessage.author_id.not_in(hidden))
    rows = await uow.session.execute(
        select(
            Club.id,
            Club.title,
            Club.chat_seq,
            Membership.last_read_seq,
            func.count(ChatMessage.id),
        )
        .join(Membership, Membership.club_id == Club.id)
        .outerjoin(ChatMessage, and_(*joined))
        .where(*conditions)
        .group_by(Club.id, Club.title, Club.chat_seq, Membership.last_read_seq)
        .order_by(Club.id)
    )
    return UnreadList(
        items=[
            UnreadRead(club_id=c, club_title=t, last_seq=s, last_read_seq=r, unread=n)
            for c, t, s, r, n in rows
        ]
    )


async def unread_counts(clubs: Clubs, actor: Actor) -> UnreadList:
    async with clubs.uow() as uow:
        return await _unread(uow, actor, None)
