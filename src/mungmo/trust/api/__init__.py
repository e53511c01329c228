"""Trust HTTP API: one router per topic, joined here for the wiring."""

from fastapi import APIRouter

router = APIRouter(tags=["trust"])

__all__ = ["router"]
