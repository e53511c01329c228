"""Administrators' account actions."""

import uuid

from fastapi import APIRouter

from mungmo.identity import service
from mungmo.identity.api.common import IdentityDep
from mungmo.identity.schemas import AccountStatusRead
from mungmo.platform.auth import CurrentAdmin

router = APIRouter(tags=["identity"])


@router.post("/api/v1/admin/accounts/{account_id}/ban")
async def ban_account(
    account_id: uuid.UUID, admin: CurrentAdmin, identity: IdentityDep
) -> AccountStatusRead:
    return await service.ban_account(identity, admin, account_id)
