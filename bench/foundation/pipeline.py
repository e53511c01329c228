"""The pipeline phases: commit → effect, with no HTTP and no argon2id in the way.

Events are committed straight through the identity service's own UnitOfWork factory
(the one its use cases get), so the outbox row, the key lock and the commit's wake-up
of the relay are exactly the product's. The clock starts when ``uow.commit()``
returns and stops at the member consumer's ``Processed.finished_at``. Raw round trips
on the same transports are interleaved with every figure, so the ratios compare
figures taken side by side.
"""

import asyncio
import time
import uuid
from dataclasses import dataclass

from sqlalchemy import func, select

from foundation.apps import BenchApp
from foundation.figures import Figures, Series
from foundation.interleave import progress, rotate
from foundation.options import (
    BURST,
    FLOOD,
    FLOOD_TRANSACTIONS,
    SETTLE,
    TRANSPORT_NAMES,
    TRANSPORTS,
    Options,
)
from foundation.round_trips import RoundTrip
from foundation.tracing import STAGES
from mungmo.contracts.identity import AccountRegistered
from mungmo.platform.clock import utc_now

DRAIN_TIMEOUT = 120.0  # seconds for both outboxes to empty between big bursts

PIPELINE_LABELS = {
    "": "commit → applied over {transport}, one at a time",
    ".burst": f"commit → applied over {{transport}}, {BURST} transactions at once",
    ".flood": f"commit → applied over {{transport}}, each of {FLOOD:,} events",
    ".flood.wake": "  of which commit → its relay round began",
    ".flood.idle": "  of which the relay sat idle before that round",
    ".flood.all": f"{{transport}}: burst begun → all {FLOOD:,} applied",
    **{f".stage.{stage}": label for stage, label in STAGES.items()},
    **{f".burst.stage.{stage}": label for stage, label in STAGES.items()},
}
RAW_PIPELINE_LABELS = {
    "": "raw {transport}: one at a time (beside the row below)",
    ".burst": f"raw {{transport}}: {BURST} sends at once, each message",
}


@dataclass(frozen=True)
class Committed:
    account_id: str
    event_id: str
    committed: float  # time.time() once uow.commit() returned


async def commit_registrations(app: BenchApp, count: int) -> list[Committed]:
    """One identity transaction emitting ``count`` AccountRegistered, as a sign-up does."""
    uow = app.module("identity").uow_factory()
    made: list[tuple[str, str]] = []
    async with uow:
        for _ in range(count):
            account_id = uuid.uuid4()
            event = AccountRegistered(
                account_id=account_id,
                nickname=f"p{uuid.uuid4().hex[:12]}",
                registered_at=utc_now(),
            )
            made.append((str(account_id), str(uow.emit(event, key=account_id))))
        await uow.commit()
        # Before __aexit__ hands the connection back: that is not on the event's path.
        committed = time.time()
    return [Committed(account, event_id, committed) for account, event_id in made]


class PipelinePhases:
    def __init__(
        self,
        figures: Figures,
        apps: list[BenchApp],
        raws: dict[str, RoundTrip],
        options: Options,
        warm_up: int,
    ) -> None:
        self.figures = figures
        self.apps = apps
        self.raws = list(raws.items())
        self.options = options
        self.warm_up = warm_up

    def _series(self, app: BenchApp, variant: str) -> Series:
        transport = TRANSPORTS[app.stack]
        label = PIPELINE_LABELS[variant].format(transport=TRANSPORT_NAMES[transport])
        return self.figures.series_for(f"pipeline.{transport}{variant}", label)

    def _raw(self, name: str, variant: str) -> Series:
        label = RAW_PIPELINE_LABELS[variant].format(transport=TRANSPORT_NAMES[name])
        return self.figures.series_for(f"pipeline.raw.{name}{variant}", label)

    async def run(self) -> None:
        options = self.options
        await self._warm()
        progress(f"pipeline: commit → effect, {options.n} one at a time per stack")
        await self.one_at_a_time(options.n)
        bursts = max(2, options.n // BURST)
        progress(f"pipeline: {bursts} bursts of {BURST} concurrent transactions per stack")
        await self.bursts(bursts)
        floods = 1 if options.quick else 2
        progress(
            f"pipeline: {floods} × {FLOOD:,} events in {FLOOD_TRANSACTIONS} concurrent "
            "transactions per stack"
        )
        await self.floods(floods)

    async def _warm(self) -> None:
        """First-call paths of this path (the raw clients may be new in --pipeline-only)."""
        for _, raw in self.raws:
            for _ in range(self.warm_up):
                await raw.once()
            await raw.burst(BURST)
        for app in self.apps:
            for _ in range(self.warm_up):
                for event in await commit_registrations(app, 1):
                    await self._applied(app, event)

    async def _applied(self, app: BenchApp, event: Committed) -> float:
        processed = await app.effect_for(event.account_id)
        applied: float = processed.finished_at.timestamp()
        return applied

    async def one_at_a_time(self, n: int) -> None:
        """One event, waiting for its effect; its stages come from the app's trace."""
        for i in range(n):
            for name, raw in rotate(self.raws, i):
                await asyncio.sleep(SETTLE)
                received, _ = await raw.once()
                self._raw(name, "").add(received)
            for app in rotate(self.apps, i):
                await asyncio.sleep(SETTLE)
                [event] = await commit_registrations(app, 1)
                applied = await self._applied(app, event)
                self._series(app, "").add(applied - event.committed)
                self._stages(app, event, applied, "")

    async def bursts(self, bursts: int) -> None:
        """BURST transactions of one event each, committed at once; raw: BURST sends."""
        for i in range(bursts):
            for name, raw in rotate(self.raws, i):
                await asyncio.sleep(SETTLE)
                for seconds in await raw.burst(BURST):
                    self._raw(name, ".burst").add(seconds)
            for app in rotate(self.apps, i):
                await asyncio.sleep(SETTLE)
                made = await asyncio.gather(*[commit_registrations(app, 1) for _ in range(BURST)])
                for [event] in made:
                    applied = await self._applied(app, event)
                    self._series(app, ".burst").add(applied - event.committed)
                    self._stages(app, event, applied, ".burst")

    def _stages(self, app: BenchApp, event: Committed, applied: float, variant: str) -> None:
        stages = app.trace.stages(app.member_group, event.event_id, event.committed, applied)
        for stage, seconds in (stages or {}).items():
            self._series(app, f"{variant}.stage.{stage}").add(seconds)

    async def floods(self, floods: int) -> None:
        """FLOOD events in FLOOD_TRANSACTIONS concurrent transactions of equal size."""
        per_transaction = FLOOD // FLOOD_TRANSACTIONS
        for i in range(floods):
            for app in rotate(self.apps, i):
                await self._drained(app)  # the last burst's tail must not overlap this one
                begun = time.time()
                made = await asyncio.gather(
                    *[commit_registrations(app, per_transaction) for _ in range(FLOOD_TRANSACTIONS)]
                )
                events = [event for transaction in made for event in transaction]
                applied = [await self._applied(app, event) for event in events]
                for event, at in zip(events, applied, strict=True):
                    self._series(app, ".flood").add(at - event.committed)
                    publication = app.trace.published.get(event.event_id)
                    if publication is not None:
                        wake = publication.round_started - event.committed
                        self._series(app, ".flood.wake").add(wake)
                    idle = app.trace.idle_before(event.event_id, event.committed)
                    if idle is not None:
                        self._series(app, ".flood.idle").add(idle)
                self._series(app, ".flood.all").add(max(applied) - begun)

    async def _drained(self, app: BenchApp) -> None:
        """Bounded wait until neither outbox has rows left to publish."""
        deadline = time.monotonic() + DRAIN_TIMEOUT
        for name in ("identity", "member"):
            database = app.module(name).database
            outbox = database.messaging.outbox
            unpublished = (
                select(func.count())
                .select_from(outbox)
                .where(outbox.c.published_at.is_(None), outbox.c.parked_at.is_(None))
            )
            while True:
                async with database.engine.connect() as connection:
                    if not await connection.scalar(unpublished):
                        break
                if time.monotonic() > deadline:
                    raise RuntimeError(f"{app.stack}: the {name} outbox did not drain")
                await asyncio.sleep(0.05)
