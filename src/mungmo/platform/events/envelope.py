"""The envelope every event travels in, on Kafka and on the embedded log alike."""

import json
import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict

from mungmo.platform.events.contract import Event, find_contract


class UnknownContract(Exception):
    pass


class Envelope(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: uuid.UUID
    type: str
    version: int
    source: str
    key: str
    time: datetime
    trace_id: str | None = None
    payload: dict[str, Any]

    def to_bytes(self) -> bytes:
        return self.model_dump_json().encode()

    @classmethod
    def from_bytes(cls, raw: bytes) -> "Envelope":
        return cls.model_validate_json(raw)

    def headers(self) -> list[tuple[str, bytes]]:
        return [
            ("event_type", self.type.encode()),
            ("event_version", str(self.version).encode()),
            ("event_id", str(self.id).encode()),
        ]

    def open(self) -> Event:
        """Validate the payload against its registered contract."""
        cls = find_contract(self.type, self.version)
        if cls is None:
            raise UnknownContract(f"no contract for {self.type} v{self.version}")
        return cls.model_validate(self.payload)


def payload_json(event: Event) -> str:
    return json.dumps(event.model_dump(mode="json"), ensure_ascii=False)
