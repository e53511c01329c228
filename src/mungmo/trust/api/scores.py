"""The 발도장 API: my score and why it changed; any member's for administrators."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends

from mungmo.platform.auth import CurrentAccount, CurrentAdmin
from mungmo.platform.pagination import PageParams
from mungmo.platform.service import provide
from mungmo.trust.schemas.scores import ScoreHistoryPage, TrustScoreRead
from mungmo.trust.service import scores
from mungmo.trust.service.context import Trust

router = APIRouter(tags=["trust"])

TrustDep = Annotated[Trust, Depends(provide(Trust))]

SCORES = "/api/v1/trust-scores"


@router.get(f"{SCORES}/me")
async def get_my_score(actor: CurrentAccount, trust: TrustDep) -> TrustScoreRead:
    """My 발도장, its tier and, while suspended, when writes are accepted again."""
    return await scores.my_score(trust, actor)


@router.get(f"{SCORES}/me/history")
async def list_my_score_history(
    actor: CurrentAccount, trust: TrustDep, page: PageParams
) -> ScoreHistoryPage:
    """왜 내 발도장이 바뀌었나요? Every change of my score with its cause, newest first."""
    return await scores.my_history(trust, actor, page)


@router.get(f"{SCORES}/{{member_id}}")
async def get_member_score(
    member_id: uuid.UUID, admin: CurrentAdmin, trust: TrustDep
) -> TrustScoreRead:
    """Administrators: any member's score and, while suspended, until when."""
    return await scores.member_score(trust, admin, member_id)


@router.get(f"{SCORES}/{{member_id}}/history")
async def list_member_score_history(
    member_id: uuid.UUID, admin: CurrentAdmin, trust: TrustDep, page: PageParams
) -> ScoreHistoryPage:
    """Administrators: any member's score history."""
    return await scores.member_history(trust, admin, member_id, page)
