"""When cookies carry the Secure flag."""

from starlette.requests import Request

# `make run` serves http://localhost:8000; browsers drop Secure cookies over plain HTTP
# except on these hosts, and there is no network between the browser and the server.
LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})


def cookies_secure(request: Request, configured: bool | None) -> bool:
    """Secure unless the request is plain HTTP to this machine; ``configured`` overrides."""
    if configured is not None:
        return configured
    return not (request.url.scheme == "http" and request.url.hostname in LOCAL_HOSTS)
