"""The real-time hub: listeners hear only their channels; one that falls behind is
dropped and told to reload."""

from mungmo.platform.realtime import Hub, Message


def _message(channel: str, n: int = 0) -> Message:
    return Message(channel=channel, event="e", id=str(n), data="{}")


def test_listeners_hear_their_channels_only() -> None:
    hub = Hub()
    one, both = hub.listen(["a"]), hub.listen(["a", "b"])
    hub.publish(_message("a"))
    hub.publish(_message("b"))
    hub.publish(_message("c"))
    assert (one.queue.qsize(), both.queue.qsize()) == (1, 2)
    hub.leave(one)
    hub.leave(both)
    assert hub.listeners("a") == hub.listeners("b") == 0


def test_a_listener_that_falls_behind_is_dropped_and_told_to_reload() -> None:
    hub = Hub()
    slow = hub.listen(["a"])
    for n in range(slow.queue.maxsize + 5):
        hub.publish(_message("a", n))
    assert hub.listeners("a") == 0
    drained = [slow.queue.get_nowait() for _ in range(slow.queue.qsize())]
    assert drained[-1] is None and len(drained) == slow.queue.maxsize
