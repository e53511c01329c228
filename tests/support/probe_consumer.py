"""A probe consumer in a process of its own, for tests that kill it with SIGKILL.

``--freeze-after N`` stops the whole process dead right after the N-th effect is
committed to the database and before the consumer commits the batch's offsets: the
window in which a crash must cause redelivery, never a lost or doubled effect.
Processed and duplicate counts go to ``--stats`` as JSON after every event. SIGTERM
stops it cleanly (offsets committed, the consumer group left).
"""

import argparse
import asyncio
import json
import signal
import time
from pathlib import Path

from mungmo.platform.events.consumer import Processed
from tests.support.probe import probe_node
from tests.support.stack import Stack


async def run(args: argparse.Namespace) -> None:
    stack = Stack(kind="real", data_dir=Path(args.data_dir), run_id=args.run_id)
    stats = {"applied": 0, "duplicates": 0}
    async with probe_node(stack, service=args.service, database_url=args.url) as node:

        def observe(processed: Processed) -> None:
            stats["duplicates" if processed.duplicate else "applied"] += 1
            Path(args.stats).write_text(json.dumps(stats))
            if args.freeze_after and stats["applied"] >= args.freeze_after:
                Path(args.stats).with_suffix(".frozen").write_text("frozen")
                while True:  # the event loop stops here: no offset commit will follow
                    time.sleep(3600)

        consumer = await node.start_consumer()
        consumer.observers.append(observe)
        # SIGTERM stops it the way a deploy does: the consumer commits and leaves its group.
        stop = asyncio.Event()
        asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
        await stop.wait()
        await node.stop_tasks()


def main() -> None:
    parser = argparse.ArgumentParser()
    for name in ("--service", "--url", "--run-id", "--data-dir", "--stats"):
        parser.add_argument(name, required=True)
    parser.add_argument("--freeze-after", type=int, default=0)
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
