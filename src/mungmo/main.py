"""Composition root: builds one service, several, or all of them into one application."""

from collections.abc import Callable, Mapping, Sequence
from datetime import timedelta
from typing import Any

from fastapi import FastAPI

from mungmo import contracts  # noqa: F401  (registers every event contract)
from mungmo.board import wiring as board_wiring
from mungmo.club import wiring as club_wiring
from mungmo.contracts.identity import (
    AccountBanned,
    AccountDeleted,
    AccountRolesChanged,
    AccountUnbanned,
)
from mungmo.contracts.trust import MemberSuspended, SuspensionEnded
from mungmo.hospital import wiring as hospital_wiring
from mungmo.identity import wiring as identity_wiring
from mungmo.media import wiring as media_wiring
from mungmo.meetup import wiring as meetup_wiring
from mungmo.member import wiring as member_wiring
from mungmo.platform.auth import HttpJwks, JwksSource, StaticJwks, TokenVerifier
from mungmo.platform.config import PlatformSettings, ServiceSettings
from mungmo.platform.db import UnitOfWork
from mungmo.platform.deny_list import (
    DenyList,
    deny_access,
    lift_ban,
    lift_write_suspension,
    suspend_writes,
)
from mungmo.platform.events.consumer import EventHandler
from mungmo.platform.events.factory import build_transport
from mungmo.platform.http.app import create_app
from mungmo.platform.metrics import Metrics
from mungmo.platform.runtime import Runtime
from mungmo.platform.service import PlatformContext, ServiceModule
from mungmo.trust import wiring as trust_wiring

ServiceBuilder = Callable[[PlatformContext, Any], ServiceModule]

SERVICES: dict[str, ServiceBuilder] = {
    "identity": identity_wiring.build,
    "member": member_wiring.build,
    "media": media_wiring.build,
    "hospital": hospital_wiring.build,
    "trust": trust_wiring.build,
    "club": club_wiring.build,
    "meetup": meetup_wiring.build,
    "board": board_wiring.build,
}


def build_modules(
    context: PlatformContext,
    names: Sequence[str],
    service_settings: Mapping[str, ServiceSettings] | None = None,
) -> list[ServiceModule]:
    """Builds the named services; settings not given are read from the environment."""
    unknown = [name for name in names if name not in SERVICES]
    if unknown:
        raise ValueError(f"unknown service(s) {unknown}; choose from {sorted(SERVICES)}")
    chosen = service_settings or {}
    return [SERVICES[name](context, chosen.get(name)) for name in names]


async def deny_banned_account(event: AccountBanned, uow: UnitOfWork) -> None:
    await deny_access(uow, account_id=event.account_id, since=event.banned_at, reason="banned")


async def refresh_changed_roles(event: AccountRolesChanged, uow: UnitOfWork) -> None:
    await deny_access(
        uow, account_id=event.account_id, since=event.changed_at, reason="roles_changed"
    )


async def allow_unbanned_account(event: AccountUnbanned, uow: UnitOfWork) -> None:
    await lift_ban(uow, account_id=event.account_id)


async def deny_deleted_account(event: AccountDeleted, uow: UnitOfWork) -> None:
    await deny_access(uow, account_id=event.account_id, since=event.deleted_at, reason="deleted")


async def suspend_member_writes(event: MemberSuspended, uow: UnitOfWork) -> None:
    await suspend_writes(
        uow, account_id=event.member_id, suspension_id=event.suspension_id, until=event.ends_at
    )


async def allow_member_writes(event: SuspensionEnded, uow: UnitOfWork) -> None:
    await lift_write_suspension(uow, account_id=event.member_id, suspension_id=event.suspension_id)


def subscribe_access_denials(module: ServiceModule) -> None:
    """Every service records bans and deletions in its own database, for its deny list,
    and trust's suspensions, so it refuses a suspended member's writes itself."""
    module.handlers.extend(
        [
            EventHandler(AccountBanned, deny_banned_account, name=f"{module.name}.deny_banned"),
            EventHandler(
                AccountUnbanned, allow_unbanned_account, name=f"{module.name}.allow_unbanned"
            ),
            EventHandler(AccountDeleted, deny_deleted_account, name=f"{module.name}.deny_deleted"),
            EventHandler(
                AccountRolesChanged,
                refresh_changed_roles,
                name=f"{module.name}.refresh_changed_roles",
            ),
            EventHandler(
                MemberSuspended, suspend_member_writes, name=f"{module.name}.suspend_writes"
            ),
            EventHandler(SuspensionEnded, allow_member_writes, name=f"{module.name}.allow_writes"),
        ]
    )


def build_deny_list(settings: PlatformSettings, modules: Sequence[ServiceModule]) -> DenyList:
    return DenyList(
        [module.database for module in modules],
        refresh_seconds=settings.auth_deny_list_refresh_seconds,
        retention=timedelta(seconds=settings.auth_deny_list_retention_seconds),
    )


def _jwks_source(settings: PlatformSettings, modules: list[ServiceModule]) -> JwksSource:
    for module in modules:
        if module.public_keys is not None:
            return StaticJwks(module.public_keys)
    if settings.auth_jwks_url:
        return HttpJwks(settings.auth_jwks_url)
    raise ValueError(
        "MUNGMO_AUTH_JWKS_URL must point at the identity service's /.well-known/jwks.json "
        "when identity does not run in this process"
    )


def create_mungmo_app(
    settings: PlatformSettings | None = None,
    services: Sequence[str] | None = None,
    *,
    service_settings: Mapping[str, ServiceSettings] | None = None,
) -> FastAPI:
    settings = settings or PlatformSettings()
    metrics = Metrics()
    context = PlatformContext(settings=settings, metrics=metrics)
    modules = build_modules(context, list(services or SERVICES), service_settings)
    for module in modules:
        subscribe_access_denials(module)
    deny_list = build_deny_list(settings, modules)
    client_id = "mungmo-" + "-".join(module.name for module in modules)
    runtime = Runtime(
        settings,
        modules,
        build_transport(settings, client_id=client_id),
        metrics,
        deny_list=deny_list,
    )
    verifier = TokenVerifier(
        _jwks_source(settings, modules),
        issuer=settings.auth_issuer,
        audience=settings.auth_audience,
        deny_list=deny_list,
    )
    title = "MungMo" if len(modules) > 1 else f"MungMo {modules[0].name}"
    return create_app(runtime, settings, verifier, title=title)
