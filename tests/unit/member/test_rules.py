import uuid
from datetime import UTC, datetime, timedelta

import pytest
from pydantic import ValidationError

from mungmo.member.models import DELETED_NICKNAME, Dog, Member
from mungmo.member.schemas import (
    DEFAULT_PUBLIC_DOG_FIELDS,
    DogCreate,
    DogUpdate,
    MyProfileUpdate,
    NeighbourhoodClaim,
)

NOW = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)


def _member(**values: object) -> Member:
    member = Member(id=uuid.uuid4(), nickname="콩이엄마", owner_traits=[], created_at=NOW)
    for name, value in values.items():
        setattr(member, name, value)
    return member


def _dog(traits: list[str]) -> Dog:
    return Dog(name="콩이", breed="maltese", size="small", traits=traits, public_fields=[])


def test_onboarding_needs_traits_a_dog_with_traits_and_a_valid_neighbourhood() -> None:
    member = _member()
    assert not member.onboarding_progress(NOW).ready
    member.owner_traits = ["calm"]
    member.dogs.append(_dog([]))
    member.region_expires_at = NOW + timedelta(days=30)
    progress = member.onboarding_progress(NOW)
    assert progress.traits and progress.neighbourhood and not progress.dog
    member.dogs[0].traits = ["shy"]
    assert member.onboarding_progress(NOW).ready


def test_an_expired_neighbourhood_counts_as_not_verified() -> None:
    member = _member(region_expires_at=NOW + timedelta(days=30))
    assert member.neighbourhood_valid(NOW)
    assert not member.neighbourhood_valid(NOW + timedelta(days=30))
    assert not _member().neighbourhood_valid(NOW)


def test_erasing_keeps_an_anonymous_tombstone() -> None:
    member = _member(
        birth_year=1990,
        gender="female",
        age_public=True,
        photo_media_id=uuid.uuid4(),
        owner_traits=["calm"],
        region_code="1111051500",
        region_name="서울특별시 종로구 청운효자동",
        region_expires_at=NOW,
    )
    member.dogs.append(_dog(["shy"]))
    member.erase(NOW)
    assert member.nickname == DELETED_NICKNAME and member.is_deleted
    assert member.birth_year is None and member.gender is None and not member.age_public
    assert member.photo_media_id is None and member.owner_traits == [] and member.dogs == []
    assert member.region_code is None and member.region_name is None


def test_profile_update_refuses_null_where_a_value_is_required() -> None:
    assert MyProfileUpdate.model_validate({"birth_year": None}).model_fields_set == {"birth_year"}
    for body in ({"age_public": None}, {"owner_traits": None}, {"owner_traits": []}):
        with pytest.raises(ValidationError):
            MyProfileUpdate.model_validate(body)


def test_traits_must_be_known_and_unique() -> None:
    with pytest.raises(ValidationError):
        MyProfileUpdate.model_validate({"owner_traits": ["calm", "calm"]})
    with pytest.raises(ValidationError):
        MyProfileUpdate.model_validate({"owner_traits": ["shy"]})  # a dog trait
    with pytest.raises(ValidationError):
        DogCreate.model_validate(
            {"name": "a", "breed": "maltese", "size": "small", "traits": ["introverted"]}
        )


def test_new_dogs_default_to_public_basics_and_private_flags() -> None:
    dog = DogCreate.model_validate({"name": " 콩이 ", "breed": "maltese", "size": "small"})
    assert dog.name == "콩이"
    assert dog.public_fields == list(DEFAULT_PUBLIC_DOG_FIELDS)
    assert "muzzle" not in dog.public_fields and "vaccinated" not in dog.public_fields


def test_dog_update_allows_clearing_only_optional_fields() -> None:
    assert DogUpdate.model_validate({"energy_level": None}).energy_level is None
    for body in (
        {"name": None},
        {"muzzle": None},
        {"public_fields": ["name", "name"]},
        {"energy_level": 6},
        {"play_style": "dance"},
        {"size": "huge"},
    ):
        with pytest.raises(ValidationError):
            DogUpdate.model_validate(body)


def test_a_claim_needs_a_ten_digit_code_and_a_real_position() -> None:
    good = {"region_code": "1111051500", "latitude": 37.58, "longitude": 126.97}
    assert NeighbourhoodClaim.model_validate(good).region_code == "1111051500"
    for change in (
        {"region_code": "11110515"},
        {"latitude": 91},
        {"longitude": float("nan")},
        {"extra": 1},
    ):
        with pytest.raises(ValidationError):
            NeighbourhoodClaim.model_validate({**good, **change})
