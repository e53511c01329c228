"""Administrators: the first one is made on the command line."""

import argparse
import asyncio
import sys
from pathlib import Path

from mungmo.cli.common import platform_settings


def cmd_admin(args: argparse.Namespace) -> None:
    """Grants or revokes a role by e-mail: how the first administrator is made."""
    import getpass

    from mungmo.identity import wiring as identity_wiring
    from mungmo.identity.errors import AccountNotFound
    from mungmo.identity.models import Role
    from mungmo.identity.service import Identity
    from mungmo.identity.service.audit import AuditActor
    from mungmo.identity.service.roles import grant_role, revoke_role
    from mungmo.platform.db.migrations import upgrade_to_head
    from mungmo.platform.metrics import Metrics
    from mungmo.platform.service import PlatformContext

    context = PlatformContext(settings=platform_settings(args), metrics=Metrics())
    module = identity_wiring.build(context)
    identity = next(d for d in module.dependencies if isinstance(d, Identity))
    actor = AuditActor(account_id=None, label=f"cli:{getpass.getuser()}"[:64])
    role = Role(args.role)
    change = grant_role if args.action == "grant" else revoke_role
    reason = args.reason or f"{args.action} from the command line"

    async def apply() -> None:
        try:
            await upgrade_to_head(module.database, module.migrations_dir)
            outcome = await change(identity, actor, role, reason, email=args.email)
        finally:
            await module.database.dispose()
        roles = ", ".join(outcome.account.roles)
        if not outcome.changed:
            state = "already has" if args.action == "grant" else "does not have"
            print(f"identity: {args.email} {state} the {role} role; nothing changed")
        else:
            done = "granted to" if args.action == "grant" else "revoked from"
            print(f"identity: {role} {done} {args.email} (roles now: {roles})")

    try:
        asyncio.run(apply())
    except AccountNotFound:
        print(f"identity: no account with the e-mail {args.email}", file=sys.stderr)
        sys.exit(1)


def add_commands(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    admin = commands.add_parser("admin", help="grant or revoke administrator roles")
    admin.add_argument("action", choices=["grant", "revoke"])
    admin.add_argument("email", help="the account's e-mail address")
    admin.add_argument("--role", choices=["admin", "moderator"], default="admin")
    admin.add_argument("--reason", help="why, for the audit log")
    admin.add_argument("--data-dir", type=Path)
    admin.set_defaults(func=cmd_admin)
