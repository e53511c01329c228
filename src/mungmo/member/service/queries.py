"""Queries the use cases share: loading a member and shaping rows into read schemas.

Nothing here writes; changes and their events live with their use cases."""

import uuid
from datetime import datetime

from mungmo.contracts.media import media_urls
from mungmo.member.domain.regions import short_name
from mungmo.member.errors import MemberNotFound
from mungmo.member.models import Dog, Member
from mungmo.member.schemas import (
    DogRead,
    MyProfileRead,
    NeighbourhoodRead,
    OnboardingRead,
)
from mungmo.platform.db import UnitOfWork


async def load_member(uow: UnitOfWork, member_id: uuid.UUID, *, lock: bool = False) -> Member:
    """The live (not deleted) member; ``lock`` serialises changes to one member's profile."""
    member = await uow.session.get(Member, member_id, with_for_update=lock or None)
    if member is None or member.is_deleted:
        raise MemberNotFound("This member does not exist (or their profile is still being made).")
    return member


def photo_urls(media_id: uuid.UUID | None) -> tuple[str | None, str | None]:
    if media_id is None:
        return None, None
    urls = media_urls(media_id)
    return urls.file, urls.thumbnail


def dog_read(dog: Dog) -> DogRead:
    url, thumbnail = photo_urls(dog.photo_media_id)
    return DogRead.model_validate(
        {
            "id": dog.id,
            "name": dog.name,
            "breed": dog.breed,
            "size": dog.size,
            "photo_media_id": dog.photo_media_id,
            "photo_url": url,
            "photo_thumbnail_url": thumbnail,
            "traits": dog.traits,
            "muzzle": dog.muzzle,
            "barks": dog.barks,
            "mounts": dog.mounts,
            "energy_level": dog.energy_level,
            "play_style": dog.play_style,
            "vaccinated": dog.vaccinated,
            "registered": dog.registered,
            "public_fields": dog.public_fields,
            "created_at": dog.created_at,
        }
    )


def neighbourhood_read(member: Member, now: datetime) -> NeighbourhoodRead | None:
    if (
        member.region_code is None
        or member.region_name is None
        or member.region_verified_at is None
        or member.region_expires_at is None
    ):
        return None
    return NeighbourhoodRead(
        code=member.region_code,
        name=short_name(member.region_name),
        full_name=member.region_name,
        verified_at=member.region_verified_at,
        expires_at=member.region_expires_at,
        expired=not member.neighbourhood_valid(now),
    )


def profile_read(member: Member, now: datetime) -> MyProfileRead:
    progress = member.onboarding_progress(now)
    url, thumbnail = photo_urls(member.photo_media_id)
    return MyProfileRead.model_validate(
        {
            "id": member.id,
            "nickname": member.nickname,
            "trust_score": member.trust_score,
            "onboarding_status": member.onboarding_status,
            "created_at": member.created_at,
            "birth_year": member.birth_year,
            "gender": member.gender,
            "age_public": member.age_public,
            "gender_public": member.gender_public,
            "photo_media_id": member.photo_media_id,
            "photo_url": url,
            "photo_thumbnail_url": thumbnail,
            "owner_traits": member.owner_traits,
            "dogs": [dog_read(dog) for dog in member.dogs],
            "neighbourhood": neighbourhood_read(member, now),
            "onboarding": OnboardingRead(
                traits=progress.traits,
                dog=progress.dog,
                neighbourhood=progress.neighbourhood,
                completed=member.onboarding_status == "completed",
            ),
        }
    )
