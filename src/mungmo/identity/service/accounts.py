"""Sign-up, the owner's view of the account, nickname changes, the onboarding mark."""

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from mungmo.contracts.identity import AccountRegistered, NicknameChanged
from mungmo.identity.errors import AccountDetailsTaken, EmailTaken, NicknameCooldown, NicknameTaken
from mungmo.identity.models import Account, SocialLink
from mungmo.identity.schemas import AccountCreate, AccountRead, MyAccountRead
from mungmo.identity.service.context import Identity
from mungmo.identity.service.core import (
    active_account,
    email_identity,
    normalise_email,
    refuse_banned,
)
from mungmo.platform.auth import Actor
from mungmo.platform.db import UnitOfWork
from mungmo.platform.errors import DomainError, FieldProblem
from mungmo.platform.ids import new_id


def _taken_error(email_taken: bool, nickname_taken: bool) -> DomainError:
    problems = []
    if email_taken:
        problems.append(FieldProblem(field="email", code=EmailTaken.code, message=EmailTaken.title))
    if nickname_taken:
        problems.append(
            FieldProblem(field="nickname", code=NicknameTaken.code, message=NicknameTaken.title)
        )
    if email_taken and nickname_taken:
        return AccountDetailsTaken(errors=problems)
    if email_taken:
        return EmailTaken(errors=problems)
    return NicknameTaken(errors=problems)


async def register_account(identity: Identity, data: AccountCreate, client: str) -> AccountRead:
    identity.signups_per_ip.hit(client)
    email = normalise_email(data.email)
    nickname_key = data.nickname.casefold()
    password_hash = await identity.hasher.hash(data.password)
    async with identity.uow() as uow:
        await refuse_banned(uow, [email_identity(email)])
        email_taken = await uow.session.scalar(select(Account.id).where(Account.email == email))
        nickname_taken = await uow.session.scalar(
            select(Account.id).where(Account.nickname_key == nickname_key)
        )
        if email_taken or nickname_taken:
            raise _taken_error(email_taken is not None, nickname_taken is not None)
        account = Account(
            id=new_id(),
            email=email,
            nickname=data.nickname,
            nickname_key=nickname_key,
            password_hash=password_hash,
            created_at=uow.clock(),
        )
        uow.session.add(account)
        uow.emit(
            AccountRegistered(
                account_id=account.id,
                nickname=account.nickname,
                registered_at=account.created_at,
            ),
            key=account.id,
        )
        try:
            await uow.commit()
        except IntegrityError:
            # Lost a race with a concurrent sign-up; report what is now taken.
            raise await _which_taken(identity, email, nickname_key) from None
        return AccountRead(
            id=account.id,
            email=email,
            nickname=account.nickname,
            created_at=account.created_at,
        )


async def _which_taken(identity: Identity, email: str, nickname_key: str) -> DomainError:
    async with identity.uow() as uow:
        email_taken = await uow.session.scalar(select(Account.id).where(Account.email == email))
        nickname_taken = await uow.session.scalar(
            select(Account.id).where(Account.nickname_key == nickname_key)
        )
    return _taken_error(email_taken is not None, nickname_taken is not None or not email_taken)


async def _my_account(identity: Identity, uow: UnitOfWork, account: Account) -> MyAccountRead:
    providers = await uow.session.scalars(
        select(SocialLink.provider)
        .where(SocialLink.account_id == account.id)
        .order_by(SocialLink.provider)
    )
    allowed_at = account.nickname_change_allowed_at(identity.policy.nickname_cooldown)
    return MyAccountRead(
        id=account.id,
        email=account.email,
        nickname=account.nickname,
        created_at=account.created_at,
        has_password=account.has_password,
        social_providers=sorted(set(providers)),
        onboarded=account.onboarded_at is not None,
        nickname_change_allowed_at=allowed_at if allowed_at and allowed_at > uow.clock() else None,
    )


async def get_my_account(identity: Identity, actor: Actor) -> MyAccountRead:
    async with identity.uow() as uow:
        account = await active_account(uow, actor.member_id)
        return await _my_account(identity, uow, account)


async def change_nickname(identity: Identity, actor: Actor, nickname: str) -> MyAccountRead:
    """Same rules as sign-up; at most once per cooldown period (the first change is free)."""
    nickname_key = nickname.casefold()
    async with identity.uow() as uow:
        # The row lock makes two concurrent changes by one account take turns.
        account = await active_account(uow, actor.member_id, lock=True)
        if account.nickname == nickname:
            return await _my_account(identity, uow, account)
        now = uow.clock()
        allowed_at = account.nickname_change_allowed_at(identity.policy.nickname_cooldown)
        if allowed_at is not None and now < allowed_at:
            raise NicknameCooldown(allowed_at, now)
        if nickname_key != account.nickname_key:
            taken = await uow.session.scalar(
                select(Account.id).where(Account.nickname_key == nickname_key)
            )
            if taken is not None:
                raise _taken_error(email_taken=False, nickname_taken=True)
        account.nickname = nickname
        account.nickname_key = nickname_key
        account.nickname_changed_at = now
        uow.emit(
            NicknameChanged(account_id=account.id, nickname=nickname, changed_at=now),
            key=account.id,
        )
        try:
            await uow.commit()
        except IntegrityError:
            # Another account took the name between our check and our write.
            raise _taken_error(email_taken=False, nickname_taken=True) from None
        return await _my_account(identity, uow, account)


async def mark_onboarded(uow: UnitOfWork, *, account_id: uuid.UUID, onboarded_at: datetime) -> None:
    """From then on the account's access tokens carry ``onb`` (at the next refresh)."""
    async with uow:
        account = await uow.session.get(Account, account_id, with_for_update=True)
        if account is not None and account.is_active and account.onboarded_at is None:
            account.onboarded_at = onboarded_at
        # Committed even without a change: the inbox row records the event as handled.
        await uow.commit()
