"""``mungmo`` command line: run everything, serve one service, migrate, Kafka, catalogues,
dead letters, reference data, administrators."""

import argparse

from mungmo.cli import admin, data, development, events, serving


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="mungmo", description="MungMo (멍모) services")
    commands = root.add_subparsers(dest="command", required=True)
    for group in (serving, events, data, admin, development):
        group.add_commands(commands)
    return root


def main(argv: list[str] | None = None) -> None:
    args = parser().parse_args(argv)
    args.func(args)
