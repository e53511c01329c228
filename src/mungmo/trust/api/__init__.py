"""Trust HTTP API: one router per topic, joined here for the wiring."""

from fastapi import APIRouter

from mungmo.trust.api import moderation, reports, scores

router = APIRouter(tags=["trust"])
router.include_router(scores.router)
router.include_router(reports.router)
router.include_router(moderation.router)

__all__ = ["router"]
