"""What a service puts on the real-time channel: which event, on which channel, with
which data. Only what any listener of the channel may know goes into ``data`` (ids, as
a rule): clients fetch the content itself through the API, which applies blocks and
permissions to the reader."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from mungmo.platform.auth import Actor
from mungmo.platform.events.contract import Event


def any_member(_actor: Actor, _channel: str) -> bool:
    return True


@dataclass(frozen=True)
class RealtimeFeed:
    event: type[Event]
    # The channel prefix this feed publishes under, e.g. "board.post." (the channel is
    # the prefix and an id); clients may only listen to channels of a known prefix.
    prefix: str
    channel: Callable[[Any], str]
    data: Callable[[Any], dict[str, Any]]
    # The SSE event name, e.g. "comment_written".
    name: str
    # Who may listen to a channel of this prefix (default: any onboarded member).
    may_listen: Callable[[Actor, str], bool] = any_member
