"""Entry point: options, a pre-flight check of MariaDB and Kafka, the run, the report."""

import argparse
import asyncio
import sys
import tempfile
from pathlib import Path

from aiokafka.admin import AIOKafkaAdminClient
from sqlalchemy import make_url, text
from sqlalchemy.ext.asyncio import create_async_engine

from foundation.options import Options
from foundation.report import render, write_json
from foundation.run import Bench
from mungmo.platform.logging import configure_logging


def parse_options(argv: list[str] | None = None) -> Options:
    parser = argparse.ArgumentParser(
        description="Sign-up, login and event propagation, embedded stack vs MariaDB + Kafka."
    )
    parser.add_argument("--kafka", default="127.0.0.1:9092", help="Kafka bootstrap servers")
    parser.add_argument(
        "--mariadb-url",
        default="mysql+aiomysql://mungmo:mungmo@127.0.0.1:3307/",
        help="MariaDB server URL; the run creates and then drops its own databases",
    )
    parser.add_argument(
        "--n",
        type=int,
        help="samples per figure with cheap argon2id, and per propagation or round-trip "
        "figure (default 200; 20 with --quick)",
    )
    parser.add_argument(
        "--n-production",
        type=int,
        help="sign-ups and logins per stack with production argon2id, a third of a second "
        "each on a small machine (default 30; 3 with --quick)",
    )
    parser.add_argument(
        "--relay-poll",
        type=float,
        default=0.5,
        help="relay_poll_seconds for the apps (default 0.5, the production default)",
    )
    parser.add_argument(
        "--embedded-only", action="store_true", help="skip MariaDB and Kafka entirely"
    )
    parser.add_argument("--quick", action="store_true", help="a fast smoke run (~30 s)")
    parser.add_argument(
        "--pipeline-only",
        action="store_true",
        help="only the pipeline phases: commit → effect alone, in bursts of 10 and of 1,000, "
        "raw round trips beside them, and where the time goes",
    )
    args = parser.parse_args(argv)
    n = args.n if args.n is not None else (20 if args.quick else 200)
    n_production = args.n_production if args.n_production is not None else (3 if args.quick else 30)
    if n < 1 or n_production < 1:
        parser.error("--n and --n-production must be at least 1")
    return Options(
        kafka=args.kafka,
        mariadb_url=args.mariadb_url,
        n=n,
        n_production=n_production,
        relay_poll=args.relay_poll,
        embedded_only=args.embedded_only,
        quick=args.quick,
        pipeline_only=args.pipeline_only,
    )


async def preflight(options: Options) -> None:
    """Fails fast, with the fix, when MariaDB or Kafka is not there."""
    if options.embedded_only:
        return
    engine = create_async_engine(options.mariadb_url)
    try:
        async with asyncio.timeout(10), engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
    except Exception as error:
        raise SystemExit(
            f"MariaDB at {make_url(options.mariadb_url)} is not reachable ({error!r}); "
            "run scripts/mariadb.sh start, or pass --embedded-only"
        ) from None
    finally:
        await engine.dispose()
    admin = AIOKafkaAdminClient(bootstrap_servers=options.kafka, request_timeout_ms=10_000)
    try:
        async with asyncio.timeout(15):
            await admin.start()
            await admin.list_topics()
    except Exception as error:
        raise SystemExit(
            f"Kafka at {options.kafka} is not reachable ({error!r}); "
            "run scripts/kafka.sh start, or pass --embedded-only"
        ) from None
    finally:
        await admin.close()


async def main_async(options: Options) -> None:
    configure_logging("WARNING", json=False)
    await preflight(options)
    with tempfile.TemporaryDirectory(prefix="mungmo-bench-") as workdir:
        bench = Bench(options, Path(workdir))
        try:
            result = await bench.run()
        finally:
            await bench.clean_up()
    path = write_json(result)
    print(render(result))
    shown = path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path
    print(f"\nfigures and samples: {shown}")


def main(argv: list[str] | None = None) -> None:
    options = parse_options(argv)
    try:
        asyncio.run(main_async(options))
    except KeyboardInterrupt:
        # asyncio.run cancelled the run, and clean_up still dropped its databases and topics.
        print("interrupted; the run's databases and topics were removed", file=sys.stderr)
        raise SystemExit(130) from None
