"""After the meetup: attendees rate each other (changeable for 24 hours, counted once by
trust) and may write the review post the board files under 번개후기."""

import uuid

from sqlalchemy import select

from mungmo.contracts.meetup import MeetupReviewPostWritten, MeetupReviewSubmitted
from mungmo.meetup.errors import (
    CannotRateSelf,
    MeetupCancelled,
    MeetupNotOver,
    NotAttendee,
    RatingLocked,
    RatingWindowClosed,
    ReviewPostExists,
)
from mungmo.meetup.models import TAKING_PART, Meetup, Participation, Rating, ReviewPost
from mungmo.meetup.schemas import MyRatingRead, RatingPut, ReviewPostCreate, ReviewPostRead
from mungmo.meetup.service.context import Meetups
from mungmo.meetup.service.queries import load_meetup, participation_of
from mungmo.platform.auth import Actor
from mungmo.platform.db import UnitOfWork


async def _attendee(uow: UnitOfWork, meetup: Meetup, member_id: uuid.UUID) -> Participation:
    part = await participation_of(uow, meetup.id, member_id)
    if part is None or part.status not in TAKING_PART or not part.attended:
        raise NotAttendee()
    return part


def _check_after(meetups: Meetups, meetup: Meetup, uow: UnitOfWork) -> None:
    now = uow.clock()
    if meetup.status == "cancelled":
        raise MeetupCancelled()
    if now < meetup.ends_at:
        raise MeetupNotOver()
    if now > meetup.ends_at + meetups.policy.rating_open_for:
        raise RatingWindowClosed()


async def rate_member(
    meetups: Meetups, actor: Actor, meetup_id: uuid.UUID, member_id: uuid.UUID, data: RatingPut
) -> tuple[MyRatingRead, bool]:
    """Rates another attendee; True when it is new. A change within 24 hours keeps the
    review id (trust counts the first)."""
    if member_id == actor.member_id:
        raise CannotRateSelf()
    async with meetups.uow() as uow:
        now = uow.clock()
        meetup = await load_meetup(uow, meetup_id, actor.member_id)
        _check_after(meetups, meetup, uow)
        await _attendee(uow, meetup, actor.member_id)
        try:
            await _attendee(uow, meetup, member_id)
        except NotAttendee:
            raise NotAttendee("Only members who attended can be rated.") from None
        rating = await uow.session.scalar(
            select(Rating)
            .where(
                Rating.meetup_id == meetup.id,
                Rating.reviewer_id == actor.member_id,
                Rating.member_id == member_id,
            )
            .with_for_update()
        )
        created = rating is None
        if rating is None:
            rating = Rating(
                id=uuid.uuid4(),
                meetup_id=meetup.id,
                reviewer_id=actor.member_id,
                member_id=member_id,
                submitted_at=now,
            )
            uow.session.add(rating)
        elif now > rating.submitted_at + meetups.policy.rating_changeable:
            raise RatingLocked()
        rating.stars, rating.text, rating.updated_at = data.stars, data.text, now
        uow.emit(
            MeetupReviewSubmitted(
                review_id=rating.id,
                meetup_id=meetup.id,
                reviewer_id=actor.member_id,
                member_id=member_id,
                stars=data.stars,
                submitted_at=now,
            ),
            key=meetup.id,
        )
        read = MyRatingRead(
            member_id=member_id,
            review_id=rating.id,
            stars=rating.stars,
            text=rating.text,
            changeable_until=rating.submitted_at + meetups.policy.rating_changeable,
        )
        await uow.commit()
        return read, created


async def write_review_post(
    meetups: Meetups, actor: Actor, meetup_id: uuid.UUID, data: ReviewPostCreate
) -> ReviewPostRead:
    async with meetups.uow() as uow:
        now = uow.clock()
        meetup = await load_meetup(uow, meetup_id, actor.member_id)
        _check_after(meetups, meetup, uow)
        await _attendee(uow, meetup, actor.member_id)
        exists = await uow.session.scalar(
            select(ReviewPost.post_id).where(
                ReviewPost.meetup_id == meetup.id, ReviewPost.author_id == actor.member_id
            )
        )
        if exists is not None:
            raise ReviewPostExists()
        post = ReviewPost(
            post_id=uuid.uuid4(), meetup_id=meetup.id, author_id=actor.member_id, written_at=now
        )
        uow.session.add(post)
        uow.emit(
            MeetupReviewPostWritten(
                post_id=post.post_id,
                meetup_id=meetup.id,
                author_id=actor.member_id,
                title=data.title,
                content=data.content,
                media_ids=data.media_ids,
                region_code=meetup.region_code,
                meetup_title=meetup.title,
                meetup_starts_at=meetup.starts_at,
                written_at=now,
            ),
            key=meetup.id,
        )
        await uow.commit()
        return ReviewPostRead(post_id=post.post_id)
