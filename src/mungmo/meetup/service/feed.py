"""The private ICS feed: one revocable address per member for a phone's calendar."""

import hashlib
import secrets
import uuid

from sqlalchemy import delete, select

from mungmo.meetup.domain.ics import FeedEntry, build_feed
from mungmo.meetup.errors import FeedNotFound
from mungmo.meetup.models import CalendarFeed, Meetup, Participation
from mungmo.meetup.schemas import FeedRead
from mungmo.meetup.service.context import Meetups
from mungmo.platform.auth import Actor

FEED_PATH = "/api/v1/meetup-feeds"


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


async def create_feed(meetups: Meetups, actor: Actor) -> FeedRead:
    """A new address; the previous one (if any) stops working."""
    token = secrets.token_urlsafe(32)
    async with meetups.uow() as uow:
        found = await uow.session.get(CalendarFeed, actor.member_id, with_for_update=True)
        if found is None:
            uow.session.add(
                CalendarFeed(
                    member_id=actor.member_id, token_hash=_hash(token), created_at=uow.clock()
                )
            )
        else:
            found.token_hash, found.created_at = _hash(token), uow.clock()
        await uow.commit()
    return FeedRead(path=f"{FEED_PATH}/{token}.ics")


async def revoke_feed(meetups: Meetups, actor: Actor) -> None:
    async with meetups.uow() as uow:
        result = await uow.session.execute(
            delete(CalendarFeed).where(CalendarFeed.member_id == actor.member_id)
        )
        if not result.rowcount:  # type: ignore[attr-defined]
            raise FeedNotFound()
        await uow.commit()


async def feed_ics(meetups: Meetups, token: str, *, app_origin: str) -> bytes:
    """The feed of the member whose address this is: meetups they host or joined, from
    a week ago on (cancelled ones marked so a calendar removes them)."""
    async with meetups.uow() as uow:
        member_id: uuid.UUID | None = await uow.session.scalar(
            select(CalendarFeed.member_id).where(CalendarFeed.token_hash == _hash(token))
        )
        if member_id is None:
            raise FeedNotFound()
        since = uow.clock() - meetups.policy.rating_open_for
        rows = await uow.session.scalars(
            select(Meetup)
            .join(Participation, Participation.meetup_id == Meetup.id)
            .where(
                Participation.member_id == member_id,
                Participation.status.in_(("host", "joined")),
                Meetup.ends_at >= since,
            )
            .order_by(Meetup.starts_at)
            .limit(500)
        )
        entries = [
            FeedEntry(
                meetup_id=m.id,
                title=m.title,
                body=m.body,
                place_name=m.place_name,
                latitude=m.latitude,
                longitude=m.longitude,
                starts_at=m.starts_at,
                ends_at=m.ends_at,
                updated_at=m.updated_at,
                url=f"{app_origin}/meetups/{m.id}",
                cancelled=m.status == "cancelled",
            )
            for m in rows
        ]
    return build_feed(entries, name="멍모 번개")
