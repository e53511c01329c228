"""Events the media service publishes (topic ``mungmo.media.media``, key: media id)."""

import uuid
from datetime import datetime
from typing import Literal

from mungmo.platform.events.contract import Event, contract


@contract(source="media", aggregate="media", name="MediaUploaded")
class MediaUploaded(Event):
    """A member uploaded a file that passed the checks; other services keep the id
    to accept it (e.g. as a profile photo) only from its owner."""

    media_id: uuid.UUID
    owner_id: uuid.UUID
    kind: Literal["image", "video"]
    content_type: str
    purpose: str
    uploaded_at: datetime
