"""Granting and revoking roles; every change is recorded in the audit log."""

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from mungmo.contracts.identity import AccountRolesChanged
from mungmo.identity.errors import AccountNotFound, CannotRevokeOwnAdmin
from mungmo.identity.models import DELETED, Account, AccountRole, AuditAction, Role, token_roles
from mungmo.identity.schemas import AdminAccountRead
from mungmo.identity.service.audit import AuditActor, record
from mungmo.identity.service.context import Identity
from mungmo.identity.service.core import normalise_email
from mungmo.platform.db import UnitOfWork


@dataclass(frozen=True)
class RoleChangeOutcome:
    account: AdminAccountRead
    # False when the account already had (or already lacked) the role.
    changed: bool


async def admin_views(uow: UnitOfWork, accounts: Sequence[Account]) -> list[AdminAccountRead]:
    """Accounts as administrators see them, with their roles (one query for all)."""
    granted: dict[uuid.UUID, list[str]] = {account.id: [] for account in accounts}
    if granted:
        rows = await uow.session.execute(
            select(AccountRole.account_id, AccountRole.role).where(
                AccountRole.account_id.in_(list(granted))
            )
        )
        for account_id, role in rows:
            granted[account_id].append(role)
    return [
        AdminAccountRead.model_validate(
            {
                "id": account.id,
                "email": account.email,
                "nickname": account.nickname,
                "status": account.status,
                "roles": token_roles(granted[account.id]),
                "created_at": account.created_at,
                "banned_at": account.banned_at,
            }
        )
        for account in accounts
    ]


async def admin_view(uow: UnitOfWork, account: Account) -> AdminAccountRead:
    (view,) = await admin_views(uow, [account])
    return view


async def locked_target(
    uow: UnitOfWork,
    *,
    account_id: uuid.UUID | None = None,
    email: str | None = None,
    lock: bool = True,
) -> Account:
    """The account an administrator acts on, locked (unless ``lock`` is off) so
    concurrent changes to it queue up."""
    if email is not None:
        statement = select(Account).where(Account.email == normalise_email(email))
        account = await uow.session.scalar(statement.with_for_update() if lock else statement)
    else:
        account = await uow.session.get(Account, account_id, with_for_update=lock)
    if account is None or account.status == DELETED:
        raise AccountNotFound(
            "No account with this id." if email is None else "No account with this e-mail."
        )
    return account


async def _granted(uow: UnitOfWork, account_id: uuid.UUID, role: Role) -> AccountRole | None:
    # A locking read sees the latest committed grant, not an older snapshot.
    return await uow.session.scalar(
        select(AccountRole)
        .where(AccountRole.account_id == account_id, AccountRole.role == role.value)
        .with_for_update()
    )


def _emit_roles_changed(uow: UnitOfWork, view: AdminAccountRead) -> None:
    # Tokens carry roles: services refuse the older ones, so a revoked role goes at once.
    event = AccountRolesChanged(account_id=view.id, roles=list(view.roles), changed_at=uow.clock())
    uow.emit(event, key=view.id)


async def grant_role(
    identity: Identity,
    actor: AuditActor,
    role: Role,
    reason: str,
    *,
    account_id: uuid.UUID | None = None,
    email: str | None = None,
) -> RoleChangeOutcome:
    """Grants ``role``; granting a role already held changes and records nothing."""
    async with identity.uow() as uow:
        account = await locked_target(uow, account_id=account_id, email=email)
        changed = await _granted(uow, account.id, role) is None
        if changed:
            uow.session.add(
                AccountRole(
                    account_id=account.id,
                    role=role.value,
                    granted_at=uow.clock(),
                    granted_by=actor.account_id,
                )
            )
            record(uow, actor, AuditAction.ROLE_GRANTED, account.id, reason, role.value)
            await uow.flush()
        view = await admin_view(uow, account)
        if changed:
            _emit_roles_changed(uow, view)
        await uow.commit()
        return RoleChangeOutcome(account=view, changed=changed)


async def revoke_role(
    identity: Identity,
    actor: AuditActor,
    role: Role,
    reason: str,
    *,
    account_id: uuid.UUID | None = None,
    email: str | None = None,
) -> RoleChangeOutcome:
    """Revokes ``role``; revoking a role not held changes and records nothing. An
    administrator cannot revoke their own admin role (someone else must)."""
    async with identity.uow() as uow:
        account = await locked_target(uow, account_id=account_id, email=email)
        if role is Role.ADMIN and account.id == actor.account_id:
            raise CannotRevokeOwnAdmin("Ask another administrator to do this.")
        granted = await _granted(uow, account.id, role)
        changed = granted is not None
        if granted is not None:
            await uow.session.delete(granted)
            record(uow, actor, AuditAction.ROLE_REVOKED, account.id, reason, role.value)
            await uow.flush()
        view = await admin_view(uow, account)
        if changed:
            _emit_roles_changed(uow, view)
        await uow.commit()
        return RoleChangeOutcome(account=view, changed=changed)
