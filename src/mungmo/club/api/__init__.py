"""Club HTTP API: one router per topic, joined here for the wiring."""

from fastapi import APIRouter

from mungmo.club.api import chat, clubs, content, socket

router = APIRouter(tags=["club"])
router.include_router(clubs.router)
router.include_router(content.router)
router.include_router(chat.router)
router.include_router(socket.router)

__all__ = ["router"]
