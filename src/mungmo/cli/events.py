"""The event catalogue, dead letters (list, replay through the inbox) and parked outbox
rows (list, release to the relay)."""

import argparse
import asyncio
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from mungmo.cli.common import platform_settings

if TYPE_CHECKING:
    from mungmo.platform.config import PlatformSettings


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

    settings = platform_settings(args)
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
    settings: "PlatformSettings",
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


def cmd_outbox(args: argparse.Namespace) -> None:
    """Lists the outbox rows each service's relay parked, or releases them to it again."""
    from mungmo.main import SERVICES, build_modules
    from mungmo.platform.db.migrations import upgrade_to_head
    from mungmo.platform.events.parking import list_parked, release_parked
    from mungmo.platform.metrics import Metrics
    from mungmo.platform.service import PlatformContext

    if args.action == "parked" and (args.seq is not None or args.all):
        sys.exit("--seq and --all go with 'release'")
    if args.action == "release" and (args.seq is None) == (not args.all):
        sys.exit("release needs --seq N (with --service) or --all")
    if args.seq is not None and args.service is None:
        sys.exit("--seq needs --service: sequence numbers are per service database")
    settings = platform_settings(args)
    names = [args.service] if args.service else list(SERVICES)
    try:
        modules = build_modules(PlatformContext(settings=settings, metrics=Metrics()), names)
    except ValueError as error:
        sys.exit(str(error))

    async def run() -> int:
        found = 0
        try:
            for module in modules:
                if settings.auto_migrate:
                    await upgrade_to_head(module.database, module.migrations_dir)
                if args.action == "release":
                    released = await release_parked(module.database, seq=args.seq)
                    if released:
                        print(f"{module.name}: released {released} row(s)")
                    found += released
                    continue
                for row in await list_parked(module.database):
                    print(json.dumps(row.__dict__, ensure_ascii=False, default=str))
                    found += 1
        finally:
            for module in modules:
                await module.database.dispose()
        if not found:
            print("no parked outbox rows" + (" matched" if args.action == "release" else ""))
        return 0 if found or args.action == "parked" else 2

    sys.exit(asyncio.run(run()))


def add_commands(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
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

    outbox = commands.add_parser(
        "outbox",
        help="outbox rows the relay parked (the event log refused them): list or release",
    )
    outbox.add_argument("action", choices=["parked", "release"])
    outbox.add_argument("--service", help="one service's database (default: every service)")
    outbox.add_argument("--seq", type=int, help="release this row (its seq, as listed)")
    outbox.add_argument("--all", action="store_true", help="release every parked row")
    outbox.add_argument("--data-dir", type=Path)
    outbox.set_defaults(func=cmd_outbox)
