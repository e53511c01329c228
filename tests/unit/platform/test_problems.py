from mungmo.platform.http.problems import _field_name, _validation_problem


def test_validation_errors_map_to_stable_codes() -> None:
    cases = {
        "missing": "validation.required",
        "string_too_short": "validation.too_short",
        "string_too_long": "validation.too_long",
        "string_pattern_mismatch": "validation.pattern",
        "string_type": "validation.type",
        "int_parsing": "validation.type",
        "extra_forbidden": "validation.unknown_field",
    }
    for kind, code in cases.items():
        problem = _validation_problem({"type": kind, "loc": ("body", "nickname"), "msg": "m"})
        assert (problem.field, problem.code) == ("nickname", code)


def test_an_email_value_error_is_an_invalid_email() -> None:
    problem = _validation_problem(
        {"type": "value_error", "loc": ("body", "email"), "msg": "value is not a valid email"}
    )
    assert problem.code == "validation.invalid_email"


def test_field_names_drop_the_location_prefix() -> None:
    assert _field_name(("body", "dogs", 0, "name")) == "dogs.0.name"
    assert _field_name(("body",)) == "body"
