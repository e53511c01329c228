"""A member's dogs: add, change, remove. Only the owner reaches their dogs."""

import uuid

from mungmo.member.errors import DogNotFound, TooManyDogs
from mungmo.member.models import Dog, Member
from mungmo.member.schemas import DogCreate, DogRead, DogUpdate
from mungmo.member.service.context import Members
from mungmo.member.service.profile import (
    complete_onboarding_if_ready,
    emit_profile_changed,
    ensure_own_image,
)
from mungmo.member.service.queries import dog_read, load_member
from mungmo.platform.auth import Actor
from mungmo.platform.ids import new_id


def _own_dog(member: Member, dog_id: uuid.UUID) -> Dog:
    for dog in member.dogs:
        if dog.id == dog_id:
            return dog
    # Someone else's dog and no dog at all look the same.
    raise DogNotFound()


async def add_dog(members: Members, actor: Actor, data: DogCreate) -> DogRead:
    async with members.uow() as uow:
        # The member row lock serialises this member's changes, so the limit holds.
        member = await load_member(uow, actor.member_id, lock=True)
        if len(member.dogs) >= members.policy.max_dogs:
            raise TooManyDogs(f"A profile holds at most {members.policy.max_dogs} dogs.")
        if data.photo_media_id is not None:
            await ensure_own_image(uow, member.id, data.photo_media_id)
        dog = Dog(
            id=new_id(),
            name=data.name,
            breed=str(data.breed),
            size=data.size,
            photo_media_id=data.photo_media_id,
            traits=[str(trait) for trait in data.traits],
            muzzle=data.muzzle,
            barks=data.barks,
            mounts=data.mounts,
            energy_level=data.energy_level,
            play_style=data.play_style,
            vaccinated=data.vaccinated,
            registered=data.registered,
            public_fields=sorted(set(data.public_fields)),
            created_at=uow.clock(),
        )
        member.dogs.append(dog)
        complete_onboarding_if_ready(uow, member)
        emit_profile_changed(uow, member, ["dogs"])
        await uow.commit()
        return dog_read(dog)


async def update_dog(
    members: Members, actor: Actor, dog_id: uuid.UUID, changes: DogUpdate
) -> DogRead:
    sent = changes.model_fields_set
    async with members.uow() as uow:
        member = await load_member(uow, actor.member_id, lock=True)
        dog = _own_dog(member, dog_id)
        if "photo_media_id" in sent and changes.photo_media_id is not None:
            await ensure_own_image(uow, member.id, changes.photo_media_id)
        values = changes.model_dump(include=sent, mode="json")
        if "public_fields" in values:
            values["public_fields"] = sorted(set(values["public_fields"]))
        if "photo_media_id" in values:
            values["photo_media_id"] = changes.photo_media_id
        changed = False
        for name, value in values.items():
            if getattr(dog, name) != value:
                setattr(dog, name, value)
                changed = True
        complete_onboarding_if_ready(uow, member)
        if changed:
            emit_profile_changed(uow, member, ["dogs"])
        await uow.commit()
        return dog_read(dog)


async def delete_dog(members: Members, actor: Actor, dog_id: uuid.UUID) -> None:
    async with members.uow() as uow:
        member = await load_member(uow, actor.member_id, lock=True)
        member.dogs.remove(_own_dog(member, dog_id))
        emit_profile_changed(uow, member, ["dogs"])
        await uow.commit()
