"""Durable scheduled jobs: "at this time, do this", kept in the service's own database.

A use case calls ``schedule_job(uow, …)`` in its own transaction, so the job exists
exactly when the change that asked for it committed. Each instance of the service runs a
``JobRunner``: it claims due jobs with a lease (a conditional update, as the relay takes
its lease), so one instance runs a job while the others pass over it, and a crashed
instance's job is taken over once its lease runs out. The run itself marks the job done
in the same transaction as the handler's effects, and only while this instance still
holds the lease; a job therefore takes effect once, however many instances run and
whenever one of them dies. A failing job is retried with back-off and, after
``max_attempts``, left ``failed`` (visible in the table and the log).

A job handler is written like an event use case: it receives the open ``UnitOfWork``
(its ``async with uow`` and ``commit`` run on a savepoint) and the ``Job``.
"""

import asyncio
import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import or_, select, update

from mungmo.platform.db.jobs import scheduled_jobs
from mungmo.platform.db.uow import UnitOfWork
from mungmo.platform.ids import new_id
from mungmo.platform.logging import get_logger

log = get_logger(__name__)


@dataclass(frozen=True)
class Job:
    id: uuid.UUID
    kind: str
    key: str
    payload: dict[str, Any]
    due_at: datetime
    attempts: int


@dataclass(frozen=True)
class JobHandler:
    kind: str
    run: Callable[[UnitOfWork, Job], Awaitable[None]]


async def schedule_job(
    uow: UnitOfWork, *, kind: str, key: str, due_at: datetime, payload: dict[str, Any]
) -> bool:
    """Adds the job inside ``uow``'s transaction; False when (kind, key) already exists."""
    table = scheduled_jobs(uow.database.metadata)
    existing = await uow.session.scalar(
        select(table.c.id).where(table.c.kind == kind, table.c.job_key == key)
    )
    if existing is not None:
        return False
    await uow.session.execute(
        table.insert().values(
            id=new_id(),
            kind=kind,
            job_key=key,
            payload=payload,
            due_at=due_at,
            state="pending",
            attempts=0,
            created_at=uow.clock(),
        )
    )
    return True


async def cancel_job(uow: UnitOfWork, *, kind: str, key: str) -> bool:
    """Cancels a pending job inside ``uow``'s transaction; False when none was pending."""
    table = scheduled_jobs(uow.database.metadata)
    result = await uow.session.execute(
        update(table)
        .where(table.c.kind == kind, table.c.job_key == key, table.c.state == "pending")
        .values(state="cancelled", finished_at=uow.clock(), lease_holder=None)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


class JobRunner:
    def __init__(
        self,
        uow_factory: Callable[..., UnitOfWork],
        handlers: Sequence[JobHandler],
        *,
        service: str,
        poll_seconds: float = 1.0,
        lease_seconds: float = 60.0,
        batch_size: int = 20,
        max_attempts: int = 10,
        backoff_seconds: float = 5.0,
    ) -> None:
        self._uow = uow_factory
        self._handlers = {handler.kind: handler for handler in handlers}
        self._service = service
        self._poll_seconds = poll_seconds
        self._lease = timedelta(seconds=lease_seconds)
        self._batch_size = batch_size
        self._max_attempts = max_attempts
        self._backoff = backoff_seconds
        self.holder = uuid.uuid4().hex

    async def run(self) -> None:
        while True:
            try:
                await self.run_due()
            except asyncio.CancelledError:
                raise
            except Exception as error:  # database away: the next round retries
                log.warning("jobs.poll_failed", service=self._service, error=str(error))
            await asyncio.sleep(self._poll_seconds)

    async def run_due(self) -> int:
        """Claims the jobs due now and runs them; returns how many took effect here."""
        done = 0
        for job in await self._claim():
            done += await self._run(job)
        return done

    async def _claim(self) -> list[Job]:
        uow = self._uow()
        table = scheduled_jobs(uow.database.metadata)
        async with uow:
            now = uow.clock()
            free = or_(table.c.lease_expires_at.is_(None), table.c.lease_expires_at < now)
            due = (
                await uow.session.execute(
                    select(table)
                    .where(
                        table.c.state == "pending",
                        table.c.due_at <= now,
                        table.c.kind.in_(sorted(self._handlers)),
                        free,
                    )
                    .order_by(table.c.due_at, table.c.id)
                    .limit(self._batch_size)
                )
            ).all()
            claimed = []
            for row in due:
                taken = await uow.session.execute(
                    update(table)
                    .where(table.c.id == row.id, table.c.state == "pending", free)
                    .values(
                        lease_holder=self.holder,
                        lease_expires_at=now + self._lease,
                        attempts=table.c.attempts + 1,
                    )
                )
                if taken.rowcount:  # type: ignore[attr-defined]
                    claimed.append(
                        Job(
                            id=row.id,
                            kind=row.kind,
                            key=row.job_key,
                            payload=dict(row.payload),
                            due_at=row.due_at,
                            attempts=row.attempts + 1,
                        )
                    )
            await uow.commit()
        return claimed

    async def _run(self, job: Job) -> int:
        uow = self._uow()
        table = scheduled_jobs(uow.database.metadata)
        try:
            async with uow.handling():
                # First, and only while the lease is still ours: this locks the job's row,
                # so a second runner's effects could only follow a rollback of ours.
                finished = await uow.session.execute(
                    update(table)
                    .where(
                        table.c.id == job.id,
                        table.c.state == "pending",
                        table.c.lease_holder == self.holder,
                    )
                    .values(state="done", finished_at=uow.clock(), lease_holder=None)
                )
                if not finished.rowcount:  # type: ignore[attr-defined]
                    log.info("jobs.lost_lease", service=self._service, job=str(job.id))
                    return 0
                await self._handlers[job.kind].run(uow, job)
        except asyncio.CancelledError:
            raise
        except Exception as error:
            await self._failed(job, error)
            return 0
        log.info("jobs.done", service=self._service, kind=job.kind, key=job.key)
        return 1

    async def _failed(self, job: Job, error: Exception) -> None:
        give_up = job.attempts >= self._max_attempts
        log.warning(
            "jobs.failed",
            service=self._service,
            kind=job.kind,
            key=job.key,
            attempts=job.attempts,
            gave_up=give_up,
            error=str(error),
        )
        uow = self._uow()
        table = scheduled_jobs(uow.database.metadata)
        async with uow:
            now = uow.clock()
            retry_at = now + timedelta(seconds=self._backoff * 2 ** (job.attempts - 1))
            await uow.session.execute(
                update(table)
                .where(table.c.id == job.id, table.c.lease_holder == self.holder)
                .values(
                    state="failed" if give_up else "pending",
                    due_at=job.due_at if give_up else retry_at,
                    lease_holder=None,
                    lease_expires_at=None,
                    last_error=str(error)[:2000],
                    finished_at=now if give_up else None,
                )
            )
            await uow.commit()
