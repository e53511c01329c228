"""A probe service's relay in a process of its own, for tests that kill or pause it.

``--stop-at N --stop-when before|after --stop-file F`` stops the whole process
(SIGSTOP, sent to itself) at its N-th publish: ``before`` holds a selected batch that
it has not sent yet (resumed later, it sends a stale batch), ``after`` has the batch
acknowledged by the log and not yet marked published (killed there, the rows go out
again). It first creates F with its pid and the batch's event ids; when F exists
already (another relay given the same F stopped first) it does not stop. Publishes
and messages sent are counted in ``--stats`` as JSON after every publish.
``--start-after F`` starts the process at once but relays only once F exists.
"""

import argparse
import asyncio
import json
import os
import signal
from collections.abc import Sequence
from pathlib import Path

from mungmo.platform.events.relay import OutboxRelay
from mungmo.platform.events.transport import OutgoingMessage
from tests.support.polling import eventually
from tests.support.probe import probe_node
from tests.support.stack import Stack


async def run(args: argparse.Namespace) -> None:
    stack = Stack(kind="real", data_dir=Path(args.data_dir), run_id=args.run_id)
    stats_path = Path(args.stats)
    stats = {"publishes": 0, "messages": 0}
    async with probe_node(stack, service=args.service, database_url=args.url) as node:
        publish = node.transport.publish

        def write_stats() -> None:
            stats_path.write_text(json.dumps(stats))

        def stop_here(messages: Sequence[OutgoingMessage]) -> None:
            try:
                stop_file = os.open(args.stop_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL)
            except FileExistsError:
                return  # another relay stopped at this point: this one goes on
            ids = [json.loads(message.value)["id"] for message in messages]
            with os.fdopen(stop_file, "w") as stopped:
                json.dump({"pid": os.getpid(), "ids": ids}, stopped)
            os.kill(os.getpid(), signal.SIGSTOP)  # every thread stops, the loop included

        async def counted_publish(messages: Sequence[OutgoingMessage]) -> None:
            stopping = stats["publishes"] + 1 == args.stop_at
            if stopping and args.stop_when == "before":
                stop_here(messages)
            await publish(messages)
            stats["publishes"] += 1
            stats["messages"] += len(messages)
            write_stats()
            if stopping and args.stop_when == "after":
                stop_here(messages)

        setattr(node.transport, "publish", counted_publish)  # noqa: B010 - a test seam
        relay = OutboxRelay(
            node.database,
            node.transport,
            service=args.service,
            batch_size=args.batch_size,
            poll_seconds=0.05,
            lease_seconds=args.lease_seconds,
        )
        write_stats()  # ready
        if args.start_after:  # started with another relay that must take the lease first
            go = Path(args.start_after)
            await eventually(lambda: asyncio.to_thread(go.exists), timeout=120)
        await relay.run()


def main() -> None:
    parser = argparse.ArgumentParser()
    for name in ("--service", "--url", "--run-id", "--data-dir", "--stats"):
        parser.add_argument(name, required=True)
    parser.add_argument("--lease-seconds", type=float, required=True)
    parser.add_argument("--batch-size", type=int, default=50)
    parser.add_argument("--stop-at", type=int, default=0)
    parser.add_argument("--stop-when", choices=["before", "after"], default="before")
    parser.add_argument("--stop-file", default="")
    parser.add_argument("--start-after", default="", help="wait for this file to exist")
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
