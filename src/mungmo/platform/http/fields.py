"""Request-field types that keep the OpenAPI document honest about what the server accepts."""

from typing import Annotated, Any, TypeVar

from pydantic import Field, GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

T = TypeVar("T")


def _refuse_null(value: Any) -> Any:
    if value is None:
        raise PydanticCustomError("not_null", "cannot be null; leave the field out to keep it")
    return value


class _NotNull:
    """Validation refuses null; the JSON schema drops the null branch of ``T | None``."""

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_before_validator_function(_refuse_null, handler(source))

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        generated = handler(schema)
        branches = [b for b in generated.get("anyOf", []) if b != {"type": "null"}]
        if len(branches) == 1 and len(generated["anyOf"]) == 2:
            rest = {key: value for key, value in generated.items() if key != "anyOf"}
            return {**branches[0], **rest}
        return generated


def _drop_default(schema: dict[str, Any]) -> None:
    # The ``None`` default only means "not sent"; it is not a value a client may send.
    schema.pop("default", None)


# A field of a partial update (PATCH) that may be left out but never sent as null:
# ``name: Omittable[DogName] = None``. Python sees ``T | None`` (None = not sent); the
# server refuses null and the OpenAPI schema says the field is not nullable.
Omittable = Annotated[T | None, _NotNull(), Field(json_schema_extra=_drop_default)]
