"""Which methods a path really has, across every router the app includes."""

from fastapi.routing import iter_route_contexts
from starlette.applications import Starlette

# The web app's catch-all answers GET for any path; it is not a method of API paths.
WEB_APP_ROUTE = "web_app"


def allowed_methods(app: Starlette, path: str) -> list[str]:
    """Every method some route offers for ``path`` (several routes may share one path)."""
    methods: set[str] = set()
    for route in iter_route_contexts(app.routes):
        regex = getattr(route, "path_regex", None)
        if route.name == WEB_APP_ROUTE or route.methods is None or regex is None:
            continue
        if regex.match(path):
            methods |= route.methods
    return sorted(methods)
