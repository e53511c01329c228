"""Identity HTTP API: accounts, sessions, social login, administration."""

from fastapi import APIRouter

from mungmo.identity.api import accounts, admin, sessions, social
from mungmo.identity.api.common import CookieSecurity

router = APIRouter()
for part in (sessions, accounts, social, admin):
    router.include_router(part.router)

__all__ = ["CookieSecurity", "router"]
