"""``mungmo`` command line: run everything, serve one service, migrate, Kafka, catalogues."""

import argparse
import asyncio
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
WEB_DIR = REPO_ROOT / "web"


def _platform_settings(args: argparse.Namespace) -> "PlatformSettings":  # type: ignore[name-defined]  # noqa: F821
    from mungmo.platform.config import PlatformSettings

    overrides: dict[str, object] = {}
    for name in ("host", "port", "data_dir"):
        value = getattr(args, name, None)
        if value is not None:
            overrides[name] = value
    return PlatformSettings(**overrides)  # type: ignore[arg-type]


def _build_web() -> None:
    if (WEB_DIR / "dist" / "index.html").is_file():
        return
    npm = shutil.which("npm")
    if npm is None or not (WEB_DIR / "package.json").is_file():
        print("web app not built and npm not found; serving the API only", file=sys.stderr)
        return
    if not (WEB_DIR / "node_modules").is_dir():
        subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=WEB_DIR, check=True)
    subprocess.run([npm, "run", "build"], cwd=WEB_DIR, check=True)


def _serve(args: argparse.Namespace, services: list[str] | None) -> None:
    import uvicorn

    from mungmo.main import create_mungmo_app
    from mungmo.platform.logging import configure_logging

    settings = _platform_settings(args)
    configure_logging(settings.log_level, settings.log_json)
    if services is None and not getattr(args, "no_build", False):
        _build_web()
    dist = WEB_DIR / "dist"
    if services is None and settings.web_dist is None and (dist / "index.html").is_file():
        settings.web_dist = dist
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    app = create_mungmo_app(settings, services)
    uvicorn.run(
        app,
        host=settings.host,
        port=settings.port,
        log_config=None,
        access_log=False,
        proxy_headers=True,
    )


def cmd_run(args: argparse.Namespace) -> None:
    _serve(args, None)


def cmd_serve(args: argparse.Namespace) -> None:
    _serve(args, [name.strip() for name in args.service.split(",") if name.strip()])


def cmd_migrate(args: argparse.Namespace) -> None:
    from mungmo.main import SERVICES, build_modules
    from mungmo.platform.db.migrations import upgrade_to_head
    from mungmo.platform.metrics import Metrics
    from mungmo.platform.service import PlatformContext

    settings = _platform_settings(args)
    context = PlatformContext(settings=settings, metrics=Metrics())
    modules = build_modules(context, args.services or list(SERVICES))

    async def migrate() -> None:
        for module in modules:
            await upgrade_to_head(module.database, module.migrations_dir)
            await module.database.dispose()
            print(f"{module.name}: at head")

    asyncio.run(migrate())


def cmd_openapi(args: argparse.Namespace) -> None:
    import tempfile

    from mungmo.main import create_mungmo_app
    from mungmo.platform.config import PlatformSettings

    with tempfile.TemporaryDirectory() as scratch:
        app = create_mungmo_app(PlatformSettings(data_dir=Path(scratch)))
        document = json.dumps(app.openapi(), ensure_ascii=False, indent=2) + "\n"
    if args.out:
        Path(args.out).write_text(document, encoding="utf-8")
    else:
        sys.stdout.write(document)


def cmd_events(args: argparse.Namespace) -> None:
    from mungmo import contracts  # noqa: F401
    from mungmo.platform.events.catalogue import asyncapi_document, markdown_catalogue

    if args.format == "markdown":
        text = markdown_catalogue()
    else:
        text = json.dumps(asyncapi_document(), ensure_ascii=False, indent=2) + "\n"
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


def cmd_dead_letters(args: argparse.Namespace) -> None:
    from mungmo.platform.events.factory import build_transport

    settings = _platform_settings(args)
    if args.action == "replay":
        sys.exit(_replay_dead_letters(settings, letter_id=args.id, consumer=args.consumer))
    if args.id or args.consumer:
        sys.exit("--id and --consumer go with 'replay'")

    async def show() -> None:
        transport = build_transport(settings)
        await transport.start([])
        try:
            letters = await transport.list_dead_letters(args.limit)
        finally:
            await transport.stop()
        if not letters:
            print("no dead letters")
        for letter in letters:
            print(json.dumps(letter.__dict__, ensure_ascii=False))

    asyncio.run(show())


def _replay_dead_letters(
    settings: "PlatformSettings",  # type: ignore[name-defined]  # noqa: F821
    *,
    letter_id: str | None,
    consumer: str | None,
) -> int:
    """Re-applies parked events through every service's handlers and inboxes; the exit
    status is 1 when one still fails, 2 when nothing matched."""
    from mungmo.main import SERVICES, build_modules, subscribe_access_denials
    from mungmo.platform.db.migrations import upgrade_to_head
    from mungmo.platform.events.consumer import EventConsumer
    from mungmo.platform.events.factory import build_transport
    from mungmo.platform.events.replay import replay_dead_letters
    from mungmo.platform.metrics import Metrics
    from mungmo.platform.service import PlatformContext

    modules = build_modules(PlatformContext(settings=settings, metrics=Metrics()), list(SERVICES))
    for module in modules:
        subscribe_access_denials(module)
    transport = build_transport(settings, client_id="mungmo-replay")

    async def replay() -> int:
        try:
            if settings.auto_migrate:
                for module in modules:
                    await upgrade_to_head(module.database, module.migrations_dir)
            await transport.start([])
            consumers = [
                EventConsumer(
                    service=module.name,
                    transport=transport,
                    handlers=module.handlers,
                    uow_factory=module.uow_factory,
                    topic_prefix=settings.kafka_topic_prefix,
                )
                for module in modules
                if module.handlers
            ]
            results = await replay_dead_letters(
                transport, consumers, letter_id=letter_id, consumer=consumer
            )
        finally:
            await transport.stop()
            for module in modules:
                await module.database.dispose()
        for result in results:
            print(json.dumps(result.__dict__, ensure_ascii=False))
        if not results:
            print("no matching dead letters", file=sys.stderr)
            return 2
        return 0 if all(r.outcome in ("applied", "duplicate") for r in results) else 1

    return asyncio.run(replay())


def cmd_kafka(args: argparse.Namespace) -> None:
    script = REPO_ROOT / "scripts" / "kafka.sh"
    os.execvp("bash", ["bash", str(script), args.action])


def cmd_regions(args: argparse.Namespace) -> None:
    """Loads (or replaces) the member service's regions from a centre-point file."""
    from mungmo.member import wiring as member_wiring
    from mungmo.member.domain.regions import read_centroids
    from mungmo.member.service.context import Members
    from mungmo.member.service.neighbourhood import import_regions
    from mungmo.platform.db.migrations import upgrade_to_head
    from mungmo.platform.metrics import Metrics
    from mungmo.platform.regions import BUNDLED_CENTROIDS
    from mungmo.platform.service import PlatformContext

    summary = read_centroids(args.centroids or BUNDLED_CENTROIDS)
    context = PlatformContext(settings=_platform_settings(args), metrics=Metrics())
    module = member_wiring.build(context)
    members = next(d for d in module.dependencies if isinstance(d, Members))

    async def load() -> int:
        try:
            await upgrade_to_head(module.database, module.migrations_dir)
            return await import_regions(members, summary.records)
        finally:
            await module.database.dispose()

    count = asyncio.run(load())
    print(
        f"member: {count} neighbourhoods imported (skipped: {summary.skipped_levels} "
        f"시도/시군구 rows, {summary.skipped_retired} retired codes, "
        f"{summary.skipped_offices} branch offices, {summary.skipped_superseded} superseded "
        "codes)"
    )


def cmd_hospitals(args: argparse.Namespace) -> None:
    """Applies a register file (default: the shipped snapshot) to the hospital service."""
    from mungmo.hospital import wiring as hospital_wiring
    from mungmo.hospital.domain.register import (
        BUNDLED_REGISTER,
        RegisterUnreadable,
        read_register,
    )
    from mungmo.hospital.service.context import Hospitals
    from mungmo.hospital.service.register import import_register
    from mungmo.platform.db.migrations import upgrade_to_head
    from mungmo.platform.metrics import Metrics
    from mungmo.platform.service import PlatformContext

    source = args.file or BUNDLED_REGISTER
    try:
        parsed = read_register(source)
    except (OSError, RegisterUnreadable) as error:
        print(f"hospital: cannot read {source}: {error}", file=sys.stderr)
        sys.exit(1)
    context = PlatformContext(settings=_platform_settings(args), metrics=Metrics())
    module = hospital_wiring.build(context)
    hospitals = next(d for d in module.dependencies if isinstance(d, Hospitals))

    async def load() -> "ImportReport":  # type: ignore[name-defined]  # noqa: F821
        try:
            await upgrade_to_head(module.database, module.migrations_dir)
            return await import_register(hospitals, parsed, label=f"cli:{source.name}"[:64])
        finally:
            await module.database.dispose()

    report = asyncio.run(load())
    if source == BUNDLED_REGISTER:
        print("출처: 행정안전부 지방행정인허가데이터(LOCALDATA)")
    print(
        f"hospital: {report.added} added, {report.changed} changed, {report.closed} closed, "
        f"{len(report.bad)} bad, {report.unchanged} unchanged ({parsed.encoding})"
    )
    print(
        f"  open rows {report.open_rows}: {report.duplicates} repeats hidden, "
        f"{report.listed} listed ({report.livestock} livestock practices, hidden from the "
        f"pet finder); {report.without_coordinates} without coordinates, "
        f"{report.without_phone} without a phone, {report.area_codes_added} area codes added, "
        f"{report.unknown_detail_status} unknown detail status"
    )
    for bad in report.bad[:20]:
        print(f"  bad line {bad.line}: {bad.reason}")
    if len(report.bad) > 20:
        print(f"  … and {len(report.bad) - 20} more bad lines")


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

    context = PlatformContext(settings=_platform_settings(args), metrics=Metrics())
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


def cmd_revision(args: argparse.Namespace) -> None:
    """Autogenerates a migration by diffing the models against a scratch database at head."""
    import tempfile

    from alembic import command

    from mungmo.main import build_modules
    from mungmo.platform.db.migrations import alembic_config, upgrade_to_head
    from mungmo.platform.metrics import Metrics
    from mungmo.platform.service import PlatformContext

    with tempfile.TemporaryDirectory() as scratch:
        from mungmo.platform.config import PlatformSettings

        context = PlatformContext(
            settings=PlatformSettings(data_dir=Path(scratch)), metrics=Metrics()
        )
        (module,) = build_modules(context, [args.service])

        async def revise() -> None:
            await upgrade_to_head(module.database, module.migrations_dir)
            async with module.database.engine.begin() as connection:
                await connection.run_sync(
                    lambda sync: command.revision(
                        alembic_config(module.migrations_dir, sync),
                        message=args.message,
                        autogenerate=True,
                    )
                )
            await module.database.dispose()

        asyncio.run(revise())


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="mungmo", description="MungMo (멍모) services")
    commands = root.add_subparsers(dest="command", required=True)

    def server_options(command: argparse.ArgumentParser) -> None:
        command.add_argument("--host")
        command.add_argument("--port", type=int)
        command.add_argument("--data-dir", type=Path)

    run = commands.add_parser("run", help="all services and the web app in one process")
    server_options(run)
    run.add_argument("--no-build", action="store_true", help="do not build the web app")
    run.set_defaults(func=cmd_run)

    serve = commands.add_parser("serve", help="one service (or a comma-separated few)")
    serve.add_argument("service")
    server_options(serve)
    serve.set_defaults(func=cmd_serve)

    migrate = commands.add_parser("migrate", help="upgrade service databases to head")
    migrate.add_argument("services", nargs="*")
    migrate.add_argument("--data-dir", type=Path)
    migrate.set_defaults(func=cmd_migrate)

    openapi = commands.add_parser("openapi", help="print the OpenAPI document")
    openapi.add_argument("--out")
    openapi.set_defaults(func=cmd_openapi)

    events = commands.add_parser("events", help="the event catalogue")
    events.add_argument("what", choices=["catalogue"])
    events.add_argument("--format", choices=["asyncapi", "markdown"], default="asyncapi")
    events.add_argument("--out")
    events.set_defaults(func=cmd_events)

    dead = commands.add_parser(
        "dead-letters",
        help="list events no consumer could process, or replay them through the inbox",
    )
    dead.add_argument("action", nargs="?", choices=["list", "replay"], default="list")
    which = dead.add_mutually_exclusive_group()
    which.add_argument("--id", help="replay this letter only (the id the list shows)")
    which.add_argument("--consumer", help="replay this inbox consumer's letters, e.g. member.x")
    dead.add_argument("--limit", type=int, default=50)
    dead.add_argument("--data-dir", type=Path)
    dead.set_defaults(func=cmd_dead_letters)

    kafka = commands.add_parser("kafka", help="local single-node KRaft broker")
    kafka.add_argument("action", choices=["start", "stop", "status", "fetch"])
    kafka.set_defaults(func=cmd_kafka)

    regions = commands.add_parser("regions", help="neighbourhood data for verification")
    regions.add_argument("action", choices=["import"])
    regions.add_argument(
        "--centroids",
        type=Path,
        default=None,
        help="TSV (or .tsv.gz) of 행정동 centre points (SERIAL, ADMCD, ADMNM, X, Y in "
        "UTM-K); default: the file shipped with MungMo",
    )
    regions.add_argument("--data-dir", type=Path)
    regions.set_defaults(func=cmd_regions)

    hospitals = commands.add_parser("hospitals", help="the public animal-hospital register")
    hospitals.add_argument("action", choices=["import"])
    hospitals.add_argument(
        "--file",
        type=Path,
        default=None,
        help="LOCALDATA 동물병원 CSV (or .csv.gz; CP949 or UTF-8); default: the snapshot "
        "shipped with MungMo",
    )
    hospitals.add_argument("--data-dir", type=Path)
    hospitals.set_defaults(func=cmd_hospitals)

    admin = commands.add_parser("admin", help="grant or revoke administrator roles")
    admin.add_argument("action", choices=["grant", "revoke"])
    admin.add_argument("email", help="the account's e-mail address")
    admin.add_argument("--role", choices=["admin", "moderator"], default="admin")
    admin.add_argument("--reason", help="why, for the audit log")
    admin.add_argument("--data-dir", type=Path)
    admin.set_defaults(func=cmd_admin)

    revision = commands.add_parser("revision", help="autogenerate a migration for a service")
    revision.add_argument("service")
    revision.add_argument("message")
    revision.set_defaults(func=cmd_revision)
    return root


def main(argv: list[str] | None = None) -> None:
    args = parser().parse_args(argv)
    args.func(args)


if __name__ == "__main__":
    main()
