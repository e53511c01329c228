"""Dead-letter replay: re-apply parked events once their cause is fixed.

Each letter goes through its consumer's handler and inbox again, so an event that
was applied in the meantime (or is replayed twice) takes effect once. Letters are
replayed oldest first, so one key's parked events keep their relative order. The
letters stay listed: the inbox, not the list, says what took effect.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from pydantic import ValidationError

from mungmo.platform.events.consumer import EventConsumer
from mungmo.platform.events.envelope import Envelope, UnknownContract
from mungmo.platform.events.holding import Outage
from mungmo.platform.events.transport import DeadLetter, Transport
from mungmo.platform.logging import get_logger

log = get_logger(__name__)

Outcome = Literal["applied", "duplicate", "failed", "unreadable", "no_handler"]


@dataclass(frozen=True)
class Replayed:
    id: str
    consumer: str
    outcome: Outcome
    detail: str = ""


async def replay_dead_letters(
    transport: Transport,
    consumers: Sequence[EventConsumer],
    *,
    letter_id: str | None = None,
    consumer: str | None = None,
    scan_limit: int = 10_000,
) -> list[Replayed]:
    """Replays the letter ``letter_id``, or every letter of ``consumer``, or all."""
    letters = [
        letter
        for letter in await transport.list_dead_letters(scan_limit)
        if (letter_id is None or letter.id == letter_id)
        and (consumer is None or letter.consumer == consumer)
    ]
    letters.sort(key=lambda letter: (letter.failed_at, letter.id))
    results = [await replay_one(letter, consumers) for letter in letters]
    for result in results:
        log.info(
            "dead_letter.replayed",
            id=result.id,
            consumer=result.consumer,
            outcome=result.outcome,
            detail=result.detail[:300],
        )
    return results


async def replay_one(letter: DeadLetter, consumers: Sequence[EventConsumer]) -> Replayed:
    def result(outcome: Outcome, detail: str = "") -> Replayed:
        return Replayed(letter.id, letter.consumer, outcome, detail)

    try:
        envelope = Envelope.from_bytes(letter.value.encode())
        event = envelope.open()
    except (ValidationError, UnknownContract) as error:
        return result("unreadable", str(error).splitlines()[0])
    for candidate in consumers:
        handlers = candidate.handlers_named(letter.consumer, envelope)
        if not handlers:
            continue
        handler = handlers[0]  # an inbox name has one handler per event version
        try:
            applied = await candidate.apply_once(envelope, event, handler)
        except Outage as outage:
            return result("failed", str(outage))
        if applied.error is not None:
            return result("failed", applied.error.strip().splitlines()[-1])
        return result("duplicate" if applied.duplicate else "applied")
    return result("no_handler", f"no consumer here has {letter.consumer} for {envelope.type}")
