"""Reference data the services ship and operators refresh: regions, hospitals."""

import argparse
import asyncio
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from mungmo.cli.common import platform_settings

if TYPE_CHECKING:
    from mungmo.hospital.service.register import ImportReport


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
    context = PlatformContext(settings=platform_settings(args), metrics=Metrics())
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
    context = PlatformContext(settings=platform_settings(args), metrics=Metrics())
    module = hospital_wiring.build(context)
    hospitals = next(d for d in module.dependencies if isinstance(d, Hospitals))

    async def load() -> "ImportReport":
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


def add_commands(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
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
