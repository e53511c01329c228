"""The member service no longer owns the score: the card shows trust's live score from
TrustScoreChanged, and a late or repeated event never moves it backwards."""

import uuid
from typing import Any

from mungmo.contracts.trust import TrustScoreChanged
from mungmo.platform.clock import utc_now
from tests.support.foreign_events import publish_event
from tests.support.polling import eventually
from tests.support.trust_app import TrustDriver


async def _new_member(trust: TrustDriver) -> uuid.UUID:
    """Signed up; the member service made the profile from identity's event."""
    member = uuid.UUID((await trust.app.sign_up())["id"])

    async def card_status() -> int:
        response = await trust.client.get(f"/api/v1/members/{member}", headers=trust.headers())
        return response.status_code

    await eventually(card_status, until=lambda status: status == 200)
    return member


async def _card_score(trust: TrustDriver, member_id: uuid.UUID) -> int:
    response = await trust.client.get(f"/api/v1/members/{member_id}", headers=trust.headers())
    assert response.status_code == 200, response.text
    card: dict[str, Any] = response.json()
    return int(card["trust_score"])


async def test_the_member_card_shows_the_live_score(trust: TrustDriver) -> None:
    member = await _new_member(trust)
    assert await _card_score(trust, member) == 30
    await trust.review(member, 5)
    await trust.review(member, 5)
    assert (
        await eventually(lambda: _card_score(trust, member), until=lambda score: score == 36) == 36
    )


async def test_an_older_score_event_arriving_late_or_twice_is_ignored(
    trust: TrustDriver,
) -> None:
    member = await _new_member(trust)
    await trust.review(member, 5)  # version 1: 33
    await trust.review(member, 5)  # version 2: 36
    await eventually(lambda: _card_score(trust, member), until=lambda score: score == 36)
    stale = TrustScoreChanged(
        member_id=member,
        score=33,
        version=1,
        cause_kind="review",
        delta=3,
        changed_at=utc_now(),
    )
    sent = await publish_event(
        trust.app.runtime.transport, stale, key=member, topic_prefix=trust.topic_prefix
    )

    async def handled() -> bool:
        return any(done.envelope.id == sent for done in trust.processed["member"])

    await eventually(handled)
    assert await _card_score(trust, member) == 36
