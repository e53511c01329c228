"""The logged-in account's own settings: nickname, password, deletion."""

from fastapi import APIRouter, Response, status

from mungmo.identity import service
from mungmo.identity.api.common import CookiePolicyDep, IdentityDep, clear_session_cookie
from mungmo.identity.schemas import AccountDelete, MyAccountRead, NicknameUpdate, PasswordChange
from mungmo.platform.auth import ALLOWED_WHILE_SUSPENDED, CurrentAccount

router = APIRouter(tags=["identity"])


@router.get("/api/v1/accounts/me")
async def get_my_account(actor: CurrentAccount, identity: IdentityDep) -> MyAccountRead:
    return await service.get_my_account(identity, actor)


@router.patch("/api/v1/accounts/me/nickname")
async def change_nickname(
    body: NicknameUpdate, actor: CurrentAccount, identity: IdentityDep
) -> MyAccountRead:
    return await service.change_nickname(identity, actor, body.nickname)


# A suspended member keeps their account's security and may leave; a new nickname is
# public content like any other and waits for the suspension's end.
@router.post(
    "/api/v1/accounts/me/password",
    status_code=status.HTTP_204_NO_CONTENT,
    openapi_extra=ALLOWED_WHILE_SUSPENDED,
)
async def change_password(
    body: PasswordChange, actor: CurrentAccount, identity: IdentityDep
) -> None:
    await service.change_password(identity, actor, body)


@router.delete(
    "/api/v1/accounts/me",
    status_code=status.HTTP_204_NO_CONTENT,
    openapi_extra=ALLOWED_WHILE_SUSPENDED,
)
async def delete_account(
    body: AccountDelete,
    actor: CurrentAccount,
    response: Response,
    identity: IdentityDep,
    cookies: CookiePolicyDep,
) -> None:
    await service.delete_account(identity, actor, body)
    clear_session_cookie(response, cookies)
