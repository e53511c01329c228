"""Serving: everything in one process (run), one service (serve), migrations, Kafka."""

import argparse
import asyncio
import os
import shutil
import subprocess
import sys
from pathlib import Path

from mungmo.cli.common import REPO_ROOT, WEB_DIR, platform_settings, server_options


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

    settings = platform_settings(args)
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

    settings = platform_settings(args)
    context = PlatformContext(settings=settings, metrics=Metrics())
    modules = build_modules(context, args.services or list(SERVICES))

    async def migrate() -> None:
        for module in modules:
            await upgrade_to_head(module.database, module.migrations_dir)
            await module.database.dispose()
            print(f"{module.name}: at head")

    asyncio.run(migrate())


def cmd_kafka(args: argparse.Namespace) -> None:
    script = REPO_ROOT / "scripts" / "kafka.sh"
    os.execvp("bash", ["bash", str(script), args.action])


def add_commands(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
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

    kafka = commands.add_parser("kafka", help="local single-node KRaft broker")
    kafka.add_argument("action", choices=["start", "stop", "status", "fetch"])
    kafka.set_defaults(func=cmd_kafka)
