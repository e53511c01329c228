"""Member HTTP API: catalogues, my profile and dogs, neighbourhood verification,
member cards, friends and blocks."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response, status

from mungmo.member import service
from mungmo.member.schemas import (
    BlockPage,
    BlockRead,
    DogCreate,
    DogRead,
    DogUpdate,
    FriendPage,
    FriendRead,
    LabelRead,
    MemberCardRead,
    MemberRef,
    MemberSuggestionRead,
    MyProfileRead,
    MyProfileUpdate,
    NeighbourhoodClaim,
    NeighbourhoodRead,
    RegionRead,
    TraitCatalogueRead,
)
from mungmo.platform.auth import CurrentAccount, CurrentMember
from mungmo.platform.pagination import PageParams
from mungmo.platform.service import provide

router = APIRouter(tags=["member"])

MembersDep = Annotated[service.Members, Depends(provide(service.Members))]


@router.get("/api/v1/traits")
async def get_traits(actor: CurrentAccount) -> TraitCatalogueRead:
    return service.list_traits()


@router.get("/api/v1/breeds")
async def search_breeds(
    actor: CurrentAccount, q: Annotated[str, Query(max_length=40)] = ""
) -> list[LabelRead]:
    return service.find_breeds(q)


@router.get("/api/v1/regions")
async def search_regions(
    actor: CurrentAccount,
    members: MembersDep,
    q: Annotated[str, Query(min_length=1, max_length=50)],
    limit: Annotated[int, Query(ge=1, le=50)] = 20,
) -> list[RegionRead]:
    return await service.search_regions(members, q, limit)


@router.get("/api/v1/members")
async def search_members(
    actor: CurrentMember,
    members: MembersDep,
    nickname: Annotated[
        str, Query(min_length=1, max_length=20, description="The start of a nickname.")
    ],
    limit: Annotated[int, Query(ge=1, le=20)] = 10,
) -> list[MemberSuggestionRead]:
    return await service.search_members(members, actor, nickname, limit)


@router.get("/api/v1/members/me")
async def get_my_profile(actor: CurrentAccount, members: MembersDep) -> MyProfileRead:
    return await service.get_my_profile(members, actor)


@router.patch("/api/v1/members/me")
async def update_my_profile(
    body: MyProfileUpdate, actor: CurrentAccount, members: MembersDep
) -> MyProfileRead:
    return await service.update_my_profile(members, actor, body)


@router.post("/api/v1/members/me/dogs", status_code=status.HTTP_201_CREATED)
async def add_dog(body: DogCreate, actor: CurrentAccount, members: MembersDep) -> DogRead:
    return await service.add_dog(members, actor, body)


@router.patch("/api/v1/members/me/dogs/{dog_id}")
async def update_dog(
    dog_id: uuid.UUID, body: DogUpdate, actor: CurrentAccount, members: MembersDep
) -> DogRead:
    return await service.update_dog(members, actor, dog_id, body)


@router.delete("/api/v1/members/me/dogs/{dog_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_dog(dog_id: uuid.UUID, actor: CurrentAccount, members: MembersDep) -> None:
    await service.delete_dog(members, actor, dog_id)


@router.post("/api/v1/members/me/neighbourhood")
async def verify_neighbourhood(
    body: NeighbourhoodClaim, actor: CurrentAccount, members: MembersDep
) -> NeighbourhoodRead:
    return await service.verify_neighbourhood(members, actor, body)


@router.get("/api/v1/members/{member_id}", response_model_exclude_unset=True)
async def get_member_card(
    member_id: uuid.UUID, actor: CurrentMember, members: MembersDep
) -> MemberCardRead:
    return await service.get_member_card(members, actor, member_id)


@router.get("/api/v1/friends")
async def list_friends(actor: CurrentMember, members: MembersDep, page: PageParams) -> FriendPage:
    return await service.list_friends(members, actor, page)


@router.post("/api/v1/friends", status_code=status.HTTP_201_CREATED)
async def add_friend(
    body: MemberRef, response: Response, actor: CurrentMember, members: MembersDep
) -> FriendRead:
    friend, created = await service.add_friend(members, actor, body.member_id)
    if not created:
        response.status_code = status.HTTP_200_OK
    return friend


@router.delete("/api/v1/friends/{member_id}", status_code=status.HTTP_204_NO_CONTENT)
async def remove_friend(member_id: uuid.UUID, actor: CurrentMember, members: MembersDep) -> None:
    await service.remove_friend(members, actor, member_id)


@router.get("/api/v1/blocks")
async def list_blocks(actor: CurrentMember, members: MembersDep, page: PageParams) -> BlockPage:
    return await service.list_blocks(members, actor, page)


@router.post("/api/v1/blocks", status_code=status.HTTP_201_CREATED)
async def block_member(
    body: MemberRef, response: Response, actor: CurrentMember, members: MembersDep
) -> BlockRead:
    block, created = await service.block_member(members, actor, body.member_id)
    if not created:
        response.status_code = status.HTTP_200_OK
    return block


@router.delete("/api/v1/blocks/{member_id}", status_code=status.HTTP_204_NO_CONTENT)
async def unblock_member(member_id: uuid.UUID, actor: CurrentMember, members: MembersDep) -> None:
    await service.unblock_member(members, actor, member_id)
