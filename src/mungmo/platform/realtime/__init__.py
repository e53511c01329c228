"""The platform's real-time channel: Server-Sent Events to logged-in clients, fed from
the event log so that every app instance hears every event (see ``feeder``)."""

from mungmo.platform.realtime.feeds import RealtimeFeed
from mungmo.platform.realtime.hub import Hub, Listener, Message

__all__ = ["Hub", "Listener", "Message", "RealtimeFeed"]
