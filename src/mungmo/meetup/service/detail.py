"""A meetup's page: time, place, who takes part against capacity, their photos and dogs
with hints for my dogs; the host also sees check-ins, attendees see ratings."""

import uuid
from typing import Any

from sqlalchemy import select

from mungmo.meetup.domain.compat import hints_for
from mungmo.meetup.models import KnownMember, Participation, Rating, ReviewPost
from mungmo.meetup.schemas import (
    CompatibilityHint,
    MeetupDetailRead,
    MyRatingRead,
    ParticipantRead,
    PublicDogRead,
)
from mungmo.meetup.service.context import Meetups
from mungmo.meetup.service.queries import hidden_members, load_meetup, photo_urls, read_one
from mungmo.platform.auth import Actor

SHOWN = ("host", "joined", "waitlisted", "requested")


def _dog_read(dog: dict[str, Any]) -> PublicDogRead:
    media = dog.get("photo_media_id")
    url = None if media is None else photo_urls(uuid.UUID(str(media)))[1]
    return PublicDogRead.model_validate({**dog, "photo_url": url})


async def get_meetup(meetups: Meetups, actor: Actor, meetup_id: uuid.UUID) -> MeetupDetailRead:
    async with meetups.uow() as uow:
        now = uow.clock()
        meetup = await load_meetup(uow, meetup_id, actor.member_id)
        summary = await read_one(uow, meetup, actor.member_id)
        hidden = await hidden_members(uow, actor.member_id)
        parts = list(
            await uow.session.scalars(
                select(Participation)
                .where(Participation.meetup_id == meetup.id, Participation.status.in_(SHOWN))
                .order_by(Participation.position, Participation.joined_at)
            )
        )
        is_host = meetup.host_id == actor.member_id
        mine = next((p for p in parts if p.member_id == actor.member_id), None)
        known = {
            k.member_id: k
            for k in await uow.session.scalars(
                select(KnownMember).where(
                    KnownMember.member_id.in_([p.member_id for p in parts] + [actor.member_id])
                )
            )
        }
        me = known.get(actor.member_id)
        my_dogs = [] if me is None else list(me.dogs)
        phase = (
            "before" if now < meetup.starts_at else "during" if now < meetup.ends_at else "after"
        )
        participants = []
        waiting = 0
        for part in parts:
            if part.member_id in hidden or (part.status == "requested" and not is_host):
                continue
            member = known.get(part.member_id)
            dogs = [] if member is None else list(member.dogs)
            url, thumbnail = photo_urls(None if member is None else member.photo_media_id)
            hints = []
            if part.member_id != actor.member_id:
                for my_dog in my_dogs:
                    for code in hints_for(my_dog, dogs):
                        hints.append(
                            CompatibilityHint.model_validate(
                                {"my_dog_id": my_dog["id"], "code": code}
                            )
                        )
            if part.status == "waitlisted":
                waiting += 1
            participants.append(
                ParticipantRead.model_validate(
                    {
                        "member_id": part.member_id,
                        "nickname": "" if member is None else member.nickname,
                        "photo_url": url,
                        "photo_thumbnail_url": thumbnail,
                        "role": part.status,
                        "position": waiting if part.status == "waitlisted" else None,
                        "dogs": [_dog_read(dog) for dog in dogs],
                        "hints": hints,
                        "checked_in": (part.checked_in_at is not None) if is_host else None,
                        "confirmed": part.confirmed_by_host if is_host else None,
                        "attended": part.attended
                        if phase == "after" and part.status in ("host", "joined")
                        else None,
                    }
                )
            )
        ratings = []
        wrote = False
        if mine is not None:
            for rating in await uow.session.scalars(
                select(Rating).where(
                    Rating.meetup_id == meetup.id, Rating.reviewer_id == actor.member_id
                )
            ):
                ratings.append(
                    MyRatingRead(
                        member_id=rating.member_id,
                        review_id=rating.id,
                        stars=rating.stars,
                        text=rating.text,
                        changeable_until=rating.submitted_at + meetups.policy.rating_changeable,
                    )
                )
            wrote = (
                await uow.session.scalar(
                    select(ReviewPost.post_id).where(
                        ReviewPost.meetup_id == meetup.id, ReviewPost.author_id == actor.member_id
                    )
                )
            ) is not None
        return MeetupDetailRead.model_validate(
            {
                **summary.model_dump(),
                "body": meetup.body,
                "participants": participants,
                "share_path": f"/meetups/{meetup.id}",
                "phase": phase,
                "attended": mine is not None and mine.attended,
                "my_ratings": ratings,
                "wrote_review_post": wrote,
            }
        )
