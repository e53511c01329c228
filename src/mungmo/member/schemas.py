"""Member API shapes. ``MyProfileRead`` is the owner's view (everything);
``MemberCardRead`` is what other members see: private fields are left out of the
JSON entirely, not sent as null."""

import uuid
from datetime import datetime
from typing import Annotated, Literal, TypeVar, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
)

from mungmo.member.domain.catalogue import Breed, DogTrait, OwnerTrait
from mungmo.platform.http.fields import Omittable
from mungmo.platform.pagination import Page

Gender = Literal["female", "male", "other", "undisclosed"]
DogSize = Literal["small", "medium", "large"]
PlayStyle = Literal["chase", "wrestle", "sniff", "fetch", "gentle"]
# Every dog attribute has its own public/private switch: the names in ``public_fields``.
DogField = Literal[
    "name",
    "breed",
    "size",
    "photo",
    "traits",
    "muzzle",
    "barks",
    "mounts",
    "energy_level",
    "play_style",
    "vaccinated",
    "registered",
]
DOG_FIELDS: tuple[str, ...] = get_args(DogField)
DEFAULT_PUBLIC_DOG_FIELDS: tuple[DogField, ...] = (
    "name",
    "breed",
    "size",
    "photo",
    "traits",
    "energy_level",
    "play_style",
)

T = TypeVar("T")


def _no_duplicates(values: list[T]) -> list[T]:
    if len(set(values)) != len(values):
        raise ValueError("each value may appear only once")
    return values


DogName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=20)]
OwnerTraits = Annotated[
    list[OwnerTrait],
    Field(min_length=1, max_length=len(OwnerTrait)),
    AfterValidator(_no_duplicates),
]
DogTraits = Annotated[
    list[DogTrait], Field(max_length=len(DogTrait)), AfterValidator(_no_duplicates)
]
PublicDogFields = Annotated[
    list[DogField], Field(max_length=len(DOG_FIELDS)), AfterValidator(_no_duplicates)
]
EnergyLevel = Annotated[int, Field(ge=1, le=5)]


class LabelRead(BaseModel):
    code: str
    ko: str
    en: str


class TraitCatalogueRead(BaseModel):
    owner: list[LabelRead]
    dog: list[LabelRead]


class RegionRead(BaseModel):
    code: str = Field(description="10-digit 행정기관코드 of the 동/읍/면")
    name: str = Field(description="The 동/읍/면 itself, e.g. 청운효자동")
    full_name: str = Field(description="e.g. 서울특별시 종로구 청운효자동")


class NeighbourhoodClaim(BaseModel):
    """The device position proves the claim; it is checked and then forgotten."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    region_code: Annotated[str, Field(pattern=r"^\d{10}$")]
    latitude: Annotated[float, Field(ge=-90, le=90)]
    longitude: Annotated[float, Field(ge=-180, le=180)]


class NeighbourhoodRead(BaseModel):
    code: str
    name: str
    full_name: str
    verified_at: datetime
    expires_at: datetime
    expired: bool = Field(description="An expired verification counts as not verified")


class OnboardingRead(BaseModel):
    traits: bool = Field(description="At least one owner trait chosen")
    dog: bool = Field(description="At least one dog with at least one trait")
    neighbourhood: bool = Field(description="A neighbourhood verified and not expired")
    completed: bool


class DogRead(BaseModel):
    id: uuid.UUID
    name: str
    breed: Breed
    size: DogSize
    photo_media_id: uuid.UUID | None
    photo_url: str | None
    photo_thumbnail_url: str | None
    traits: list[DogTrait]
    muzzle: bool
    barks: bool
    mounts: bool
    energy_level: int | None
    play_style: PlayStyle | None
    vaccinated: bool | None
    registered: bool | None
    public_fields: list[DogField] = Field(
        description="The attributes other members see; the rest stay private"
    )
    created_at: datetime


class DogCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: DogName
    breed: Breed
    size: DogSize
    photo_media_id: uuid.UUID | None = None
    traits: DogTraits = Field(default_factory=list)
    muzzle: bool = False
    barks: bool = False
    mounts: bool = False
    energy_level: EnergyLevel | None = None
    play_style: PlayStyle | None = None
    vaccinated: bool | None = None
    registered: bool | None = None
    public_fields: PublicDogFields = Field(
        default_factory=lambda: list(DEFAULT_PUBLIC_DOG_FIELDS),
        description="Attributes other members may see (default: "
        + ", ".join(DEFAULT_PUBLIC_DOG_FIELDS)
        + ")",
    )


class DogUpdate(BaseModel):
    """Only the fields sent change. Null clears photo_media_id, energy_level, play_style,
    vaccinated and registered; the other fields cannot be null."""

    model_config = ConfigDict(extra="forbid")

    name: Omittable[DogName] = None
    breed: Omittable[Breed] = None
    size: Omittable[DogSize] = None
    photo_media_id: uuid.UUID | None = None
    traits: Omittable[DogTraits] = None
    muzzle: Omittable[bool] = None
    barks: Omittable[bool] = None
    mounts: Omittable[bool] = None
    energy_level: EnergyLevel | None = None
    play_style: PlayStyle | None = None
    vaccinated: bool | None = None
    registered: bool | None = None
    public_fields: Omittable[PublicDogFields] = None


class MyProfileRead(BaseModel):
    """The member's own view of their profile (every field)."""

    id: uuid.UUID
    nickname: str
    trust_score: int = Field(ge=0, le=100)
    onboarding_status: Literal["pending", "completed"]
    created_at: datetime
    birth_year: int | None
    gender: Gender | None
    age_public: bool
    gender_public: bool
    photo_media_id: uuid.UUID | None
    photo_url: str | None
    photo_thumbnail_url: str | None
    owner_traits: list[OwnerTrait]
    dogs: list[DogRead]
    neighbourhood: NeighbourhoodRead | None
    onboarding: OnboardingRead


class MyProfileUpdate(BaseModel):
    """Only the fields sent change. Null clears birth_year, gender and photo_media_id;
    the other fields cannot be null."""

    model_config = ConfigDict(extra="forbid")

    birth_year: Annotated[int, Field(ge=1900)] | None = None
    gender: Gender | None = None
    age_public: Omittable[bool] = None
    gender_public: Omittable[bool] = None
    photo_media_id: uuid.UUID | None = None
    owner_traits: Omittable[OwnerTraits] = None


class DogCardRead(BaseModel):
    """A dog as other members see it: attributes its owner keeps private are absent."""

    id: uuid.UUID
    name: str | None = None
    breed: Breed | None = None
    size: DogSize | None = None
    photo_url: str | None = None
    photo_thumbnail_url: str | None = None
    traits: list[DogTrait] | None = None
    muzzle: bool | None = None
    barks: bool | None = None
    mounts: bool | None = None
    energy_level: int | None = None
    play_style: PlayStyle | None = None
    vaccinated: bool | None = None
    registered: bool | None = None


class NeighbourhoodCardRead(BaseModel):
    name: str
    full_name: str
    verified: bool = Field(description="False once the verification has expired")


class RelationshipRead(BaseModel):
    is_friend: bool
    blocked_by_me: bool


class MemberCardRead(BaseModel):
    """Another member's card. ``birth_year``/``age`` and ``gender`` appear only when public."""

    id: uuid.UUID
    nickname: str
    photo_url: str | None
    photo_thumbnail_url: str | None
    trust_score: int = Field(ge=0, le=100)
    birth_year: int | None = None
    age: int | None = None
    gender: Gender | None = None
    owner_traits: list[OwnerTrait]
    dogs: list[DogCardRead]
    neighbourhood: NeighbourhoodCardRead | None
    relationship: RelationshipRead


class MemberSuggestionRead(BaseModel):  # a nickname search hit: public fields only
    id: uuid.UUID
    nickname: str
    photo_thumbnail_url: str | None


class MemberRef(BaseModel):
    model_config = ConfigDict(extra="forbid")

    member_id: uuid.UUID


class FriendRead(BaseModel):
    member_id: uuid.UUID
    nickname: str
    photo_url: str | None
    photo_thumbnail_url: str | None
    trust_score: int
    since: datetime


class FriendPage(Page[FriendRead]):
    """My friends, newest first."""


class BlockRead(BaseModel):
    member_id: uuid.UUID
    nickname: str
    photo_url: str | None
    photo_thumbnail_url: str | None
    blocked_at: datetime


class BlockPage(Page[BlockRead]):
    """The members I blocked, newest first."""
