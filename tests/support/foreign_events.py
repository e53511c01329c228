"""Another service's event put straight on the log, as that service's relay would."""

import json
import uuid

from mungmo.platform.clock import utc_now
from mungmo.platform.events.contract import Event
from mungmo.platform.events.envelope import Envelope, payload_json
from mungmo.platform.events.transport import OutgoingMessage, Transport
from mungmo.platform.ids import new_id


async def publish_event(
    transport: Transport,
    event: Event,
    *,
    key: uuid.UUID | str,
    topic_prefix: str,
    event_id: uuid.UUID | None = None,
) -> uuid.UUID:
    """Publishes ``event`` under ``key``; returns its id (pass one already published to
    deliver the same envelope again)."""
    envelope = Envelope(
        id=event_id or new_id(),
        type=event.event_type,
        version=event.event_version,
        source=event.source,
        key=str(key),
        time=utc_now(),
        payload=json.loads(payload_json(event)),
    )
    await transport.publish(
        [
            OutgoingMessage(
                topic=topic_prefix + event.topic,
                key=envelope.key,
                value=envelope.to_bytes(),
                headers=envelope.headers(),
            )
        ]
    )
    return envelope.id
