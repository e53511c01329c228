"""인기글: the board.popularity job recomputes every post's popularity from the window's
likes, comments and views (domain.popularity has the formula), then schedules itself
again. Jobs are keyed by their period (time // interval): instances starting together,
and a chain of runs, schedule each period's run once."""

import uuid
from collections import defaultdict
from datetime import UTC, datetime, time, timedelta

from sqlalchemy import delete, select, update

from mungmo.board.domain.popularity import Kind, PopularityPolicy, popularity
from mungmo.board.models import Comment, Post, PostLike, PostView
from mungmo.board.service.context import BoardPolicy, Boards
from mungmo.board.service.posts import KST
from mungmo.platform.db import UnitOfWork
from mungmo.platform.db.jobs import scheduled_jobs
from mungmo.platform.scheduling import schedule_job

POPULARITY_JOB = "board.popularity"


def _period(moment: datetime, every: timedelta) -> int:
    return int(moment.timestamp() // every.total_seconds())


def _period_start(period: int, every: timedelta) -> datetime:
    return datetime.fromtimestamp(period * every.total_seconds(), UTC)


async def schedule_popularity(boards: Boards) -> None:
    """At start-up: this period's run, unless it exists (another instance, or the chain
    of runs, made it)."""
    async with boards.uow() as uow:
        now = boards.clock()
        await schedule_job(
            uow,
            kind=POPULARITY_JOB,
            key=str(_period(now, boards.policy.popularity_every)),
            due_at=now,
            payload={},
        )
        await uow.commit()


async def _interactions(
    uow: UnitOfWork, since: datetime
) -> dict[uuid.UUID, list[tuple[Kind, datetime]]]:
    found: dict[uuid.UUID, list[tuple[Kind, datetime]]] = defaultdict(list)
    for post_id, at in await uow.session.execute(
        select(PostLike.post_id, PostLike.created_at).where(PostLike.created_at >= since)
    ):
        found[post_id].append(("like", at))
    for post_id, at in await uow.session.execute(
        select(Comment.post_id, Comment.created_at).where(
            Comment.created_at >= since, Comment.deleted_at.is_(None), Comment.hidden_at.is_(None)
        )
    ):
        found[post_id].append(("comment", at))
    first_day = since.astimezone(KST).date()
    for post_id, day in await uow.session.execute(
        select(PostView.post_id, PostView.day).where(PostView.day >= first_day)
    ):
        noon = datetime.combine(day, time(12), KST)
        found[post_id].append(("view", max(noon, since)))
    return found


async def recompute_popularity(uow: UnitOfWork, *, now: datetime, policy: BoardPolicy) -> int:
    """Sets every post's popularity as of ``now``; returns how many are popular."""
    rules: PopularityPolicy = policy.popularity
    async with uow:
        found = await _interactions(uow, now - rules.window)
        scores = {
            post_id: round(popularity(items, now, rules) * 1000) for post_id, items in found.items()
        }
        await uow.session.execute(
            update(Post)
            .where(Post.popularity != 0, Post.id.not_in(list(scores) or [uuid.UUID(int=0)]))
            .values(popularity=0)
        )
        for post_id, score in scores.items():
            await uow.session.execute(
                update(Post)
                .where(Post.id == post_id, Post.deleted_at.is_(None), Post.hidden_at.is_(None))
                .values(popularity=score)
            )
        await _schedule_next(uow, now, policy)
        await uow.commit()
    return sum(1 for score in scores.values() if score >= rules.min_popularity * 1000)


async def _schedule_next(uow: UnitOfWork, now: datetime, policy: BoardPolicy) -> None:
    # The next period's run (after a long stop: the one after now, not every missed one).
    period = _period(now, policy.popularity_every) + 1
    await schedule_job(
        uow,
        kind=POPULARITY_JOB,
        key=str(period),
        due_at=_period_start(period, policy.popularity_every),
        payload={},
    )
    # Past runs are kept a day, for operators; older ones go.
    jobs = scheduled_jobs(uow.database.metadata)
    await uow.session.execute(
        delete(jobs).where(
            jobs.c.kind == POPULARITY_JOB,
            jobs.c.state == "done",
            jobs.c.due_at < now - timedelta(days=1),
        )
    )
