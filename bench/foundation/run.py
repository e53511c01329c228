"""The run: phases measured on interleaved stacks, and the clean-up."""

import asyncio
import contextlib
import time
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import make_url, select

from foundation.apps import Account, BenchApp, drop_databases_and_topics, start_app
from foundation.figures import Figures, Series
from foundation.interleave import progress, rotate
from foundation.layout import RAW_LABELS
from foundation.options import (
    BURST,
    CHEAP_ARGON2,
    PASSWORD,
    SETTLE,
    STACK_NAMES,
    TRANSPORT_NAMES,
    TRANSPORTS,
    WARM_UP,
    Options,
    production_argon2,
)
from foundation.pipeline import PipelinePhases
from foundation.report import document
from foundation.round_trips import EmbeddedRoundTrip, KafkaRoundTrip, RoundTrip
from mungmo.identity.adapters import PasswordHashing
from mungmo.identity.wiring import IdentitySettings
from mungmo.member.wiring import MemberSettings
from mungmo.platform.config import PlatformSettings
from mungmo.platform.events.consumer import Processed


def _latency(processed: Processed) -> float:
    finished: datetime = processed.finished_at
    return (finished - processed.envelope.time).total_seconds()


class Bench:
    def __init__(self, options: Options, workdir: Path) -> None:
        self.options = options
        self.workdir = workdir
        self.run_id = uuid.uuid4().hex[:8]
        self.figures = Figures()
        self.startup: dict[str, float] = {}
        self.databases: list[str] = []
        self.apps: list[BenchApp] = []
        self.raws: dict[str, RoundTrip] = {}
        self.production = production_argon2()
        self.stacks = ["embedded"] if options.embedded_only else ["embedded", "real"]
        self.warm_up = 1 if options.quick else WARM_UP

    # -- apps

    def _database_url(self, stack: str, argon: str, service: str) -> str:
        if stack == "embedded":
            return f"sqlite+aiosqlite:///{self.workdir / f'embedded-{argon}' / f'{service}.db'}"
        name = f"bench_{self.run_id}_{argon[0]}_{service}"
        self.databases.append(name)
        url = make_url(self.options.mariadb_url).set(database=name)
        return url.render_as_string(hide_password=False)

    async def _start(self, stack: str, argon: str, argon2: dict[str, int]) -> BenchApp:
        platform_settings = PlatformSettings(
            data_dir=self.workdir / f"{stack}-{argon}",
            events_transport="embedded" if stack == "embedded" else "kafka",
            events_log_url=None,
            kafka_bootstrap_servers=self.options.kafka,
            kafka_topic_prefix=f"bench{self.run_id}{argon[0]}.",
            relay_poll_seconds=self.options.relay_poll,
            write_rate_per_minute=1_000_000,
            log_json=False,
            log_level="WARNING",
        )
        identity = IdentitySettings(
            database_url=self._database_url(stack, argon, "identity"),
            signups_per_hour_per_ip=1_000_000,
            login_attempts_per_minute_per_ip=1_000_000,
            login_failures_per_email=1_000_000,
            **argon2,  # type: ignore[arg-type]
        )
        member = MemberSettings(database_url=self._database_url(stack, argon, "member"))
        app = await start_app(stack, platform_settings, {"identity": identity, "member": member})
        self.apps.append(app)
        self.startup[f"{stack}.{argon}"] = app.startup_seconds
        return app

    async def _start_apps(self, argon: str, argon2: dict[str, int]) -> list[BenchApp]:
        apps = [await self._start(stack, argon, argon2) for stack in self.stacks]
        for app in apps:  # pools, the Kafka group join, first-call costs
            for _ in range(self.warm_up):
                account, _ = await app.sign_up()
                await app.log_in(account)
                await app.effect_of(account)
        return apps

    async def _stop_apps(self) -> None:
        while self.apps:
            await self.apps.pop().stop()

    # -- phases

    async def http_phase(
        self, argon: str, argon2: dict[str, int], n: int, apps: list[BenchApp]
    ) -> dict[str, list[Account]]:
        """Sign-up then login, interleaved across stacks, with the bare hash beside them."""
        hashing = PasswordHashing(
            time_cost=argon2["argon2_time_cost"],
            memory_kib=argon2["argon2_memory_kib"],
            parallelism=argon2["argon2_parallelism"],
        )
        hashes = self.figures.series_for(
            f"argon2.{argon}", f"argon2id hash alone (no HTTP), {argon} params"
        )
        accounts: dict[str, list[Account]] = {app.stack: [] for app in apps}
        for i in range(n):
            started = time.perf_counter()
            await hashing.hash(PASSWORD)
            hashes.add(time.perf_counter() - started)
            for app in rotate(apps, i):
                account, seconds = await app.sign_up()
                accounts[app.stack].append(account)
                self._http_series("sign-up", app.stack, argon).add(seconds)
                self._http_series("login", app.stack, argon).add(await app.log_in(account))
        return accounts

    def _http_series(self, what: str, stack: str, argon: str) -> Series:
        key = f"{what.replace('-', '')}.{stack}.{argon}"
        return self.figures.series_for(key, f"{what:<7} {STACK_NAMES[stack]}")

    def _propagation(self, stack: str, variant: str = "") -> Series:
        transport = TRANSPORTS[stack]
        name = TRANSPORT_NAMES[transport]
        label = {  # the old figures: the clock starts at emit, inside the sign-up
            "": f"old: emit in sign-up → applied, over {name}",
            ".relay": "  of which emit → relay's publish returned",
            ".burst.relay": "  of which emit → relay's publish returned",
            ".loaded": f"old: emit → applied, {name}, during HTTP phase",
            ".burst": f"old: emit → applied, {name}, {BURST} sign-ups at once",
        }[variant]
        return self.figures.series_for(f"propagation.{transport}{variant}", label)

    async def loaded_propagation(
        self, apps: list[BenchApp], accounts: dict[str, list[Account]]
    ) -> None:
        """Events made while the cheap HTTP phase ran (nobody waited for them)."""
        for app in apps:
            series = self._propagation(app.stack, ".loaded")
            for account in accounts[app.stack]:
                series.add(_latency(await app.effect_of(account)))

    async def propagation_phase(self, apps: list[BenchApp], n: int) -> None:
        """One sign-up at a time, waiting for its effect; raw round trips interleaved."""
        raws = list(self.raws.items())
        for _, raw in raws:
            for _ in range(self.warm_up):
                await raw.once()
        event_ids: dict[str, list[str]] = {app.stack: [] for app in apps}
        for i in range(n):
            for name, raw in rotate(raws, i):
                await asyncio.sleep(SETTLE)
                received, returned = await raw.once()
                self.figures.series_for(f"raw.{name}", RAW_LABELS[name]).add(received)
                returns = f"raw.{name}.returned"
                self.figures.series_for(returns, RAW_LABELS[f"{name}.returned"]).add(returned)
            for app in rotate(apps, i):
                await asyncio.sleep(SETTLE)
                account, _ = await app.sign_up()
                processed = await app.effect_of(account)
                self._propagation(app.stack).add(_latency(processed))
                event_ids[app.stack].append(str(processed.envelope.id))
        for app in apps:
            await self._relay_stage(app, event_ids[app.stack], ".relay")

    async def burst_phase(self, apps: list[BenchApp], bursts: int) -> None:
        """BURST sign-ups at once: commits land while the relay is busy publishing."""
        event_ids: dict[str, list[str]] = {app.stack: [] for app in apps}
        for i in range(bursts):
            for app in rotate(apps, i):
                await asyncio.sleep(SETTLE)
                made = await asyncio.gather(*[app.sign_up() for _ in range(BURST)])
                series = self._propagation(app.stack, ".burst")
                for account, _ in made:
                    processed = await app.effect_of(account)
                    series.add(_latency(processed))
                    event_ids[app.stack].append(str(processed.envelope.id))
        for app in apps:
            await self._relay_stage(app, event_ids[app.stack], ".burst.relay")

    async def _relay_stage(self, app: BenchApp, event_ids: list[str], variant: str) -> None:
        """Reads the relay's published_at back from the identity outbox (read-only)."""
        database = next(m.database for m in app.runtime.modules if m.name == "identity")
        outbox = database.messaging.outbox
        async with database.engine.connect() as connection:
            rows = await connection.execute(
                select(outbox.c.occurred_at, outbox.c.published_at).where(
                    outbox.c.event_id.in_(event_ids)
                )
            )
            series = self._propagation(app.stack, variant)
            for row in rows:
                if row.published_at is not None:
                    series.add((row.published_at - row.occurred_at).total_seconds())

    async def _start_raws(self) -> None:
        embedded = EmbeddedRoundTrip(f"sqlite+aiosqlite:///{self.workdir / 'raw-events.db'}")
        await embedded.start()
        self.raws["embedded"] = embedded
        if not self.options.embedded_only:
            kafka = KafkaRoundTrip(self.options.kafka, f"bench{self.run_id}.raw")
            await kafka.start()
            self.raws["kafka"] = kafka

    # -- the whole run

    async def run(self) -> dict[str, Any]:
        begun = time.perf_counter()
        options = self.options
        if options.pipeline_only:
            progress("pipeline only: starting app(s) and raw round-trip clients")
            await self._start_raws()
            apps = await self._start_apps("cheap", CHEAP_ARGON2)
            await PipelinePhases(self.figures, apps, self.raws, options, self.warm_up).run()
            return document(self, time.perf_counter() - begun)
        progress(f"production argon2id: starting {len(self.stacks)} app(s)")
        apps = await self._start_apps("production", self.production)
        progress(f"production argon2id: {options.n_production} sign-ups + logins per stack")
        await self.http_phase("production", self.production, options.n_production, apps)
        # Only one Kafka app at a time: every app's member consumer joins the one
        # group "mungmo.member", and a second member would cause rebalances.
        await self._stop_apps()
        progress("cheap argon2id: starting app(s) and raw round-trip clients")
        await self._start_raws()
        apps = await self._start_apps("cheap", CHEAP_ARGON2)
        progress(f"cheap argon2id: {options.n} sign-ups + logins per stack")
        accounts = await self.http_phase("cheap", CHEAP_ARGON2, options.n, apps)
        await self.loaded_propagation(apps, accounts)
        progress(f"propagation and raw round trips: {options.n} each")
        await self.propagation_phase(apps, options.n)
        bursts = max(2, options.n // 20)
        progress(f"propagation in bursts: {bursts} × {BURST} concurrent sign-ups per stack")
        await self.burst_phase(apps, bursts)
        await PipelinePhases(self.figures, apps, self.raws, options, self.warm_up).run()
        return document(self, time.perf_counter() - begun)

    async def clean_up(self) -> None:
        """Stops what still runs and removes the run's databases and topics."""
        with contextlib.suppress(Exception):
            await self._stop_apps()
        for raw in self.raws.values():
            with contextlib.suppress(Exception):
                await raw.stop()
        await drop_databases_and_topics(self.options, self.databases, f"bench{self.run_id}")
