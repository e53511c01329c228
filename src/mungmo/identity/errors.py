"""The identity service's domain errors: each has an HTTP status and a stable code."""

from datetime import datetime

from mungmo.platform.errors import Conflict, DomainError, Forbidden, NotFound, Unauthenticated


class EmailTaken(Conflict):
    code = "identity.email_taken"
    title = "This e-mail is already registered"


class NicknameTaken(Conflict):
    code = "identity.nickname_taken"
    title = "This nickname is taken"


class AccountDetailsTaken(Conflict):
    code = "identity.account_taken"
    title = "The e-mail and the nickname are already in use"


class InvalidCredentials(Unauthenticated):
    code = "identity.invalid_credentials"
    title = "The e-mail or password is wrong"


class RefreshInvalid(Unauthenticated):
    code = "identity.refresh_invalid"
    title = "The session has ended; log in again"


class AccountBanned(Forbidden):
    code = "identity.account_banned"
    title = "This account is banned"


class IdentityBanned(Forbidden):
    code = "identity.identity_banned"
    title = "This e-mail or social account was banned and cannot sign up again"


class AccountNotFound(NotFound):
    code = "identity.account_not_found"
    title = "No such account"


class WrongPassword(DomainError):
    status = 403
    code = "identity.wrong_password"
    title = "The password is wrong"


class NicknameCooldown(DomainError):
    status = 429
    code = "identity.nickname_cooldown"
    title = "The nickname was changed recently"

    def __init__(self, allowed_at: datetime, now: datetime) -> None:
        self.allowed_at = allowed_at
        wait = max(1, int((allowed_at - now).total_seconds()) + 1)
        super().__init__(
            f"The nickname can change again from {allowed_at.isoformat()}.",
            headers={"Retry-After": str(wait)},
        )


class ProviderUnknown(NotFound):
    code = "identity.provider_unknown"
    title = "This login provider is not available"


class OAuthStateInvalid(DomainError):
    code = "identity.oauth_state_invalid"
    title = "The login attempt expired or did not start here; try again"


class OAuthDenied(DomainError):
    code = "identity.oauth_denied"
    title = "The login was cancelled at the provider"


class LinkTicketInvalid(DomainError):
    code = "identity.link_ticket_invalid"
    title = "The link request expired; log in with the provider again"


class LinkPasswordUnavailable(Conflict):
    code = "identity.link_password_unavailable"
    title = "The existing account has no password; log in with its own provider"


class SocialAlreadyLinked(Conflict):
    code = "identity.social_already_linked"
    title = "This social account is already linked to another account"


class PasswordNotSet(Conflict):
    code = "identity.password_not_set"
    title = "This account logs in with a social account and has no password"


class PasswordUnchanged(DomainError):
    code = "identity.password_unchanged"
    title = "The new password is the current one"


class DeletionNotConfirmed(DomainError):
    code = "identity.delete_confirmation_required"
    title = "Confirm the deletion"


class ReauthenticationRequired(Forbidden):
    code = "identity.reauthentication_required"
    title = "Log in again before doing this"


class CannotBanSelf(Conflict):
    code = "identity.cannot_ban_self"
    title = "Administrators cannot ban themselves"


class CannotRevokeOwnAdmin(Conflict):
    code = "identity.cannot_revoke_own_admin"
    title = "Administrators cannot revoke their own admin role"


class ProviderUnavailable(DomainError):
    status = 502
    code = "identity.oauth_provider_unavailable"
    title = "The login provider could not be reached"


class OAuthFailed(DomainError):
    code = "identity.oauth_failed"
    title = "The login provider did not complete the login"


class IdTokenInvalid(DomainError):
    code = "identity.oauth_id_token_invalid"
    title = "The login provider's identity token is not valid"
