"""Administrators' account actions: search, roles, bans, the audit log."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query

from mungmo.identity import service
from mungmo.identity.api.common import IdentityDep
from mungmo.identity.models import Role
from mungmo.identity.schemas import (
    AdminAccountPage,
    AdminAccountRead,
    AuditEntryPage,
    BanRequest,
    RoleChange,
)
from mungmo.platform.auth import CurrentAdmin
from mungmo.platform.pagination import PageParams

router = APIRouter(tags=["identity"])


@router.get("/api/v1/admin/accounts")
async def search_accounts(
    admin: CurrentAdmin,
    identity: IdentityDep,
    page: PageParams,
    q: Annotated[str, Query(max_length=100, description="Part of an e-mail or nickname")] = "",
) -> AdminAccountPage:
    return await service.search_accounts(identity, page, q)


@router.get("/api/v1/admin/accounts/{account_id}")
async def get_account(
    account_id: uuid.UUID, admin: CurrentAdmin, identity: IdentityDep
) -> AdminAccountRead:
    return await service.get_account(identity, account_id)


@router.post("/api/v1/admin/accounts/{account_id}/role-grants")
async def grant_role(
    account_id: uuid.UUID, body: RoleChange, admin: CurrentAdmin, identity: IdentityDep
) -> AdminAccountRead:
    actor = service.AuditActor.administrator(admin.member_id)
    outcome = await service.grant_role(
        identity, actor, Role(body.role), body.reason, account_id=account_id
    )
    return outcome.account


@router.post("/api/v1/admin/accounts/{account_id}/role-revocations")
async def revoke_role(
    account_id: uuid.UUID, body: RoleChange, admin: CurrentAdmin, identity: IdentityDep
) -> AdminAccountRead:
    actor = service.AuditActor.administrator(admin.member_id)
    outcome = await service.revoke_role(
        identity, actor, Role(body.role), body.reason, account_id=account_id
    )
    return outcome.account


@router.post("/api/v1/admin/accounts/{account_id}/ban")
async def ban_account(
    account_id: uuid.UUID, body: BanRequest, admin: CurrentAdmin, identity: IdentityDep
) -> AdminAccountRead:
    actor = service.AuditActor.administrator(admin.member_id)
    return await service.ban_account(identity, actor, account_id, body.reason)


@router.post("/api/v1/admin/accounts/{account_id}/unban")
async def unban_account(
    account_id: uuid.UUID, body: BanRequest, admin: CurrentAdmin, identity: IdentityDep
) -> AdminAccountRead:
    actor = service.AuditActor.administrator(admin.member_id)
    return await service.unban_account(identity, actor, account_id, body.reason)


@router.get("/api/v1/admin/audit-entries")
async def list_audit_entries(
    admin: CurrentAdmin,
    identity: IdentityDep,
    page: PageParams,
    account_id: Annotated[uuid.UUID | None, Query(description="Only this account's")] = None,
) -> AuditEntryPage:
    return await service.list_audit_entries(identity, page, account_id=account_id)
