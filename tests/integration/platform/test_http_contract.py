"""The HTTP contract is honest: OpenAPI nullability matches validation, 405s list real methods."""

from pathlib import Path
from typing import Any

import pytest
from fastapi.routing import iter_route_contexts
from pydantic import BaseModel, ValidationError

from tests.support.app import RunningApp, running_app
from tests.support.stack import Stack


def _nullable(schema: dict[str, Any]) -> bool:
    if schema.get("type") == "null" or "null" in (schema.get("type") or []):
        return True
    return any(_nullable(branch) for branch in schema.get("anyOf", []) + schema.get("oneOf", []))


def _accepts_null(model: type[BaseModel], field: str) -> bool:
    try:
        model.model_validate({field: None})
    except ValidationError as refused:
        return not any(error["loc"][:1] == (field,) for error in refused.errors())
    return True


def _request_models(mungmo: RunningApp) -> list[type[BaseModel]]:
    models: dict[str, type[BaseModel]] = {}
    for route in iter_route_contexts(mungmo.app.routes):
        body = getattr(route, "body_field", None)
        kind = body.field_info.annotation if body is not None else None
        if isinstance(kind, type) and issubclass(kind, BaseModel) and kind.__module__ != "fastapi":
            models[kind.__name__] = kind
    return list(models.values())


async def test_request_fields_are_nullable_in_openapi_exactly_when_null_is_accepted(
    mungmo: RunningApp,
) -> None:
    document = (await mungmo.client.get("/openapi.json")).json()
    components: dict[str, Any] = document["components"]["schemas"]
    models = _request_models(mungmo)
    assert {"DogUpdate", "MyProfileUpdate", "AccountCreate"} <= {m.__name__ for m in models}
    mismatches = []
    for model in models:
        schema = components.get(f"{model.__name__}-Input") or components[model.__name__]
        for field, property_schema in schema["properties"].items():
            documented, accepted = _nullable(property_schema), _accepts_null(model, field)
            if documented != accepted:
                mismatches.append(
                    f"{model.__name__}.{field}: schema nullable={documented}, "
                    f"server accepts null={accepted}"
                )
    assert mismatches == []


async def test_an_update_field_that_refuses_null_is_refused_over_http(mungmo: RunningApp) -> None:
    account = await mungmo.sign_up()
    token = await mungmo.log_in(account["email"])
    response = await mungmo.client.patch(
        "/api/v1/members/me",
        json={"age_public": None},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "age_public"


@pytest.fixture
def web_dist(tmp_path: Path) -> Path:
    dist = tmp_path / "dist"
    dist.mkdir()
    (dist / "index.html").write_text("<!doctype html><title>멍모</title>", encoding="utf-8")
    return dist


def _allowed(response: Any) -> set[str]:
    return {method.strip() for method in response.headers["allow"].split(",")}


@pytest.mark.parametrize("serve_web", [False, True], ids=["api-only", "with-web-app"])
async def test_a_missing_method_is_405_with_the_paths_real_methods(
    stack: Stack, web_dist: Path, serve_web: bool
) -> None:
    async with running_app(stack, web_dist=web_dist if serve_web else None) as mungmo:
        client = mungmo.client
        # GET and PATCH live on two routes of one path: both are allowed.
        put_profile = await client.put("/api/v1/members/me", json={})
        assert put_profile.status_code == 405
        assert put_profile.headers["content-type"] == "application/problem+json"
        assert put_profile.json()["code"] == "http.method_not_allowed"
        assert _allowed(put_profile) == {"GET", "PATCH"}

        # A POST-only path answers GET with 405, not the web app's 404.
        get_login = await client.get("/api/v1/auth/login")
        assert get_login.status_code == 405
        assert _allowed(get_login) == {"POST"}

        delete_dogs = await client.delete("/api/v1/members/me/dogs")
        assert delete_dogs.status_code == 405
        assert "POST" in _allowed(delete_dogs)
        assert "DELETE" not in _allowed(delete_dogs)

        assert (await client.get("/api/v1/no-such-thing")).status_code == 404
        if serve_web:
            page = await client.get("/meetups/today")
            assert page.status_code == 200
            assert "멍모" in page.text
