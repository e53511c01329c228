"""Event contracts: Pydantic payloads registered by (type, version) with their topic."""

from typing import Any, ClassVar, TypeVar

from pydantic import BaseModel, ConfigDict


class Event(BaseModel):
    """Base of every published event. Unknown fields are ignored so that a new
    optional field is not a breaking change; a breaking change is a new version."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    event_type: ClassVar[str]
    event_version: ClassVar[int]
    topic: ClassVar[str]
    source: ClassVar[str]


E = TypeVar("E", bound=type[Event])

_REGISTRY: dict[tuple[str, int], type[Event]] = {}


def contract(*, source: str, aggregate: str, name: str, version: int = 1) -> Any:
    """Register a contract; topic ``mungmo.<source>.<aggregate>``, type ``<source>.<Name>``."""

    def register(cls: E) -> E:
        cls.event_type = f"{source}.{name}"
        cls.event_version = version
        cls.topic = f"mungmo.{source}.{aggregate}"
        cls.source = source
        key = (cls.event_type, version)
        existing = _REGISTRY.get(key)
        if existing is not None and existing is not cls:
            raise ValueError(f"event contract {key} registered twice")
        _REGISTRY[key] = cls
        return cls

    return register


def find_contract(event_type: str, version: int) -> type[Event] | None:
    return _REGISTRY.get((event_type, version))


def all_contracts() -> list[type[Event]]:
    return sorted(_REGISTRY.values(), key=lambda c: (c.topic, c.event_type, c.event_version))
