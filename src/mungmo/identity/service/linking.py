"""Consent to link a provider identity to an existing account: the owner of the account
with the same verified e-mail proves ownership with its password, then is logged in."""

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from mungmo.identity.adapters.signed import LinkTicket
from mungmo.identity.errors import (
    InvalidCredentials,
    LinkPasswordUnavailable,
    LinkTicketInvalid,
    SocialAlreadyLinked,
)
from mungmo.identity.models import Account, SocialLink
from mungmo.identity.schemas import LinkRequest, LinkTicketRead
from mungmo.identity.service.context import Identity
from mungmo.identity.service.core import (
    IssuedSession,
    refuse_banned,
    social_identity,
    start_refresh_family,
)


def mask_email(email: str) -> str:
    local, _, domain = email.partition("@")
    return f"{local[:1]}***@{domain}"


def _load_ticket(identity: Identity, ticket: str) -> LinkTicket:
    ttl = int(identity.social.ticket_ttl.total_seconds())
    loaded = identity.social.signed.load_ticket(ticket, max_age_seconds=ttl)
    if loaded is None or loaded.provider not in identity.social.providers:
        raise LinkTicketInvalid()
    return loaded


def read_link_ticket(identity: Identity, ticket: str) -> LinkTicketRead:
    loaded = _load_ticket(identity, ticket)
    return LinkTicketRead(
        provider=loaded.provider,
        provider_name=identity.social.providers[loaded.provider].display_name,
        masked_email=mask_email(loaded.email),
        next=loaded.next,
    )


async def link_social_account(
    identity: Identity, data: LinkRequest, client: str
) -> tuple[IssuedSession, str]:
    """The owner consents with the account's password; then the link exists and they are
    logged in. Returns the session and where to go next."""
    identity.login_per_ip.hit(client)
    ticket = _load_ticket(identity, data.ticket)
    identity.login_failures_per_email.check(ticket.email)
    async with identity.uow() as uow:
        account = await uow.session.get(Account, ticket.account_id)
        stored = account.password_hash if account is not None else None
        usable = account is not None and account.is_active and account.email == ticket.email
    if not usable:
        raise LinkTicketInvalid()
    if stored is None:
        raise LinkPasswordUnavailable("Log in with the provider this account already uses.")
    if not await identity.hasher.verify(stored, data.password):
        identity.login_failures_per_email.hit(ticket.email)
        raise InvalidCredentials("The password is wrong.")
    identity.login_failures_per_email.reset(ticket.email)
    async with identity.uow() as uow:
        await refuse_banned(uow, [social_identity(ticket.provider, ticket.subject)])
        current = await uow.session.get(Account, ticket.account_id, with_for_update=True)
        if current is None or not current.is_active or current.email != ticket.email:
            raise LinkTicketInvalid()
        link = await uow.session.scalar(
            select(SocialLink).where(
                SocialLink.provider == ticket.provider, SocialLink.subject == ticket.subject
            )
        )
        if link is not None and link.account_id != current.id:
            raise SocialAlreadyLinked()
        if link is None:
            uow.session.add(
                SocialLink(
                    provider=ticket.provider,
                    subject=ticket.subject,
                    account_id=current.id,
                    created_at=uow.clock(),
                )
            )
        session = await start_refresh_family(identity, uow, current)
        try:
            await uow.commit()
        except IntegrityError:
            raise SocialAlreadyLinked() from None
        return session, ticket.next
