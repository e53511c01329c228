"""Trust HTTP API: one router per topic, joined here for the wiring."""

from fastapi import APIRouter

from mungmo.trust.api import scores

router = APIRouter(tags=["trust"])
router.include_router(scores.router)

__all__ = ["router"]
