"""Reads of the 발도장: a member's own score and history; any member's for administrators."""

import uuid
from datetime import datetime

from sqlalchemy import Select, select

from mungmo.platform.auth import Actor
from mungmo.platform.pagination import Keyset, PageRequest, SortKey
from mungmo.trust.domain.explain import ChangeFacts, explain
from mungmo.trust.domain.score import STARTING_SCORE, tier_of
from mungmo.trust.models import MemberScore, ScoreChange, Suspension
from mungmo.trust.schemas.scores import (
    ScoreHistoryEntryRead,
    ScoreHistoryPage,
    TrustScoreRead,
)
from mungmo.trust.service.context import Trust

NEWEST_CAUSE_FIRST = Keyset(
    (
        SortKey(ScoreChange.occurred_at, datetime, descending=True),
        SortKey(ScoreChange.cause_key, str, descending=True),
    )
)


async def score_of(trust: Trust, member_id: uuid.UUID) -> TrustScoreRead:
    """A member no cause has touched yet has the starting score."""
    async with trust.uow() as uow:
        found = await uow.session.scalar(
            select(MemberScore.score).where(MemberScore.member_id == member_id)
        )
        suspended = await uow.session.scalar(
            select(Suspension.ends_at).where(
                Suspension.member_id == member_id, Suspension.ended_at.is_(None)
            )
        )
    score = STARTING_SCORE if found is None else found
    return TrustScoreRead(
        member_id=member_id, score=score, tier=tier_of(score).value, suspended_until=suspended
    )


async def my_score(trust: Trust, actor: Actor) -> TrustScoreRead:
    return await score_of(trust, actor.member_id)


async def member_score(trust: Trust, admin: Actor, member_id: uuid.UUID) -> TrustScoreRead:
    return await score_of(trust, member_id)


def _report_id(change: ScoreChange) -> uuid.UUID | None:
    """The report behind an upheld report's change, or behind the appeal that undid it."""
    key = change.reverses if change.cause_kind == "appeal_reversal" else change.cause_key
    if change.cause_kind not in ("report_upheld", "appeal_reversal") or key is None:
        return None
    return uuid.UUID(key.removeprefix("report:"))


def history_entry(change: ScoreChange, suspended_until: datetime | None) -> ScoreHistoryEntryRead:
    sentences = explain(
        ChangeFacts(
            kind=change.cause_kind,
            score_before=change.score_before,
            score_after=change.score_after,
            stars=change.stars,
            report_type=change.report_type,
            suspended_until=suspended_until,
        )
    )
    return ScoreHistoryEntryRead.model_validate(
        {
            "id": change.id,
            "cause_kind": change.cause_kind,
            "occurred_at": change.occurred_at,
            "score_before": change.score_before,
            "score_after": change.score_after,
            "delta": change.delta,
            "tier_before": tier_of(change.score_before).value,
            "stars": change.stars,
            "report_type": change.report_type,
            "report_id": _report_id(change),
            "suspended_until": suspended_until,
            "sentence_ko": sentences.ko,
            "sentence_en": sentences.en,
        }
    )


async def history_of(trust: Trust, member_id: uuid.UUID, page: PageRequest) -> ScoreHistoryPage:
    statement: Select[ScoreChange, datetime] = (
        select(ScoreChange, Suspension.ends_at)
        .outerjoin(Suspension, Suspension.id == ScoreChange.suspension_id)
        .where(ScoreChange.member_id == member_id)
    )
    async with trust.uow() as uow:
        rows = (await uow.session.execute(NEWEST_CAUSE_FIRST.select_page(statement, page))).all()
        return NEWEST_CAUSE_FIRST.page(
            rows,
            page,
            key=lambda row: (row[0].occurred_at, row[0].cause_key),
            read=lambda row: history_entry(row[0], row[1]),
            into=ScoreHistoryPage,
        )


async def my_history(trust: Trust, actor: Actor, page: PageRequest) -> ScoreHistoryPage:
    """Only ever the caller's own changes: there is no member id to ask for another's."""
    return await history_of(trust, actor.member_id, page)


async def member_history(
    trust: Trust, admin: Actor, member_id: uuid.UUID, page: PageRequest
) -> ScoreHistoryPage:
    return await history_of(trust, member_id, page)
