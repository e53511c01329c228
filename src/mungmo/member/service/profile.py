"""The member's own profile: read it, change it; the onboarding mark and ProfileChanged
that every profile change (dogs and neighbourhood too) ends with."""

import uuid

from sqlalchemy import select

from mungmo.contracts.member import MemberOnboarded, ProfileChanged, PublicDog
from mungmo.member.errors import BirthYearInvalid, PhotoNotFound
from mungmo.member.models import Dog, Member, MemberMedia
from mungmo.member.schemas import MyProfileRead, MyProfileUpdate
from mungmo.member.service.context import Members
from mungmo.member.service.queries import load_member, profile_read
from mungmo.platform.auth import Actor
from mungmo.platform.db import UnitOfWork


async def get_my_profile(members: Members, actor: Actor) -> MyProfileRead:
    async with members.uow() as uow:
        member = await load_member(uow, actor.member_id)
        return profile_read(member, uow.clock())


async def ensure_own_image(uow: UnitOfWork, member_id: uuid.UUID, media_id: uuid.UUID) -> None:
    """A photo must be an image this member uploaded (known from MediaUploaded)."""
    owned = await uow.session.scalar(
        select(MemberMedia.media_id).where(
            MemberMedia.media_id == media_id,
            MemberMedia.owner_id == member_id,
            MemberMedia.kind == "image",
        )
    )
    if owned is None:
        raise PhotoNotFound()


async def update_my_profile(
    members: Members, actor: Actor, changes: MyProfileUpdate
) -> MyProfileRead:
    sent = changes.model_fields_set
    async with members.uow() as uow:
        member = await load_member(uow, actor.member_id, lock=True)
        now = uow.clock()
        if changes.birth_year is not None and changes.birth_year > now.year:
            raise BirthYearInvalid()
        if "photo_media_id" in sent and changes.photo_media_id is not None:
            await ensure_own_image(uow, member.id, changes.photo_media_id)
        changed = _apply(member, changes, sent)
        complete_onboarding_if_ready(uow, member)
        emit_profile_changed(uow, member, changed)
        await uow.commit()
        return profile_read(member, now)


def _apply(member: Member, changes: MyProfileUpdate, sent: set[str]) -> list[str]:
    updates = {
        "birth_year": changes.birth_year,
        "gender": changes.gender,
        "age_public": changes.age_public,
        "gender_public": changes.gender_public,
        "photo_media_id": changes.photo_media_id,
        "owner_traits": None
        if changes.owner_traits is None
        else [str(trait) for trait in changes.owner_traits],
    }
    changed = []
    for name, value in updates.items():
        if name in sent and getattr(member, name) != value:
            setattr(member, name, value)
            changed.append("photo" if name == "photo_media_id" else name)
    return changed


def complete_onboarding_if_ready(uow: UnitOfWork, member: Member) -> None:
    """The first time traits, a dog with traits and a valid neighbourhood are all there,
    onboarding completes in the same transaction (identity then lets the member in)."""
    now = uow.clock()
    if member.onboarding_status == "completed" or not member.onboarding_progress(now).ready:
        return
    member.onboarding_status = "completed"
    uow.emit(MemberOnboarded(member_id=member.id, onboarded_at=now), key=member.id)


def emit_profile_changed(uow: UnitOfWork, member: Member, changed: list[str]) -> None:
    if not changed:
        return
    uow.emit(
        ProfileChanged(
            member_id=member.id,
            nickname=member.nickname,
            photo_media_id=member.photo_media_id,
            changed=sorted(set(changed)),
            changed_at=uow.clock(),
            dogs=[public_dog(dog) for dog in member.dogs],
        ),
        key=member.id,
    )


def public_dog(dog: Dog) -> PublicDog:
    """What ProfileChanged tells other services of a dog: its public fields only."""
    shown = set(dog.public_fields)
    values = {
        "name": dog.name,
        "breed": dog.breed,
        "size": dog.size,
        "photo_media_id": dog.photo_media_id,
        "traits": list(dog.traits),
        "muzzle": dog.muzzle,
        "energy_level": dog.energy_level,
        "play_style": dog.play_style,
    }
    field_of = {"photo_media_id": "photo"}
    return PublicDog(
        id=dog.id,
        **{name: value for name, value in values.items() if field_of.get(name, name) in shown},
    )
