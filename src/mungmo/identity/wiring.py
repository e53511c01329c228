"""Builds the identity service from settings: database, adapters, router, subscriptions."""

from datetime import timedelta
from pathlib import Path

from pydantic import SecretStr
from pydantic_settings import SettingsConfigDict

from mungmo.contracts.member import MemberOnboarded
from mungmo.contracts.trust import MemberBanned
from mungmo.identity.adapters.oauth import KakaoProvider, NaverProvider, OAuthClient, OAuthProvider
from mungmo.identity.adapters.oidc import GoogleProvider
from mungmo.identity.adapters.passwords import PasswordHashing
from mungmo.identity.adapters.signed import SignedValues
from mungmo.identity.adapters.tokens import TokenSigner
from mungmo.identity.api import CookieSecurity, router
from mungmo.identity.handlers import on_member_banned, on_member_onboarded
from mungmo.identity.models import Base
from mungmo.identity.service import Identity, IdentityPolicy, SocialLogin
from mungmo.platform.config import ServiceSettings
from mungmo.platform.db import Database
from mungmo.platform.events.consumer import EventHandler
from mungmo.platform.ratelimit import RateLimiter
from mungmo.platform.service import PlatformContext, ServiceModule

NAME = "identity"


class IdentitySettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="MUNGMO_IDENTITY_", extra="ignore")

    signing_key_file: Path | None = None
    access_token_ttl_seconds: int = 600
    refresh_token_ttl_days: int = 30
    refresh_reuse_grace_seconds: int = 10
    # None: Secure cookies except for plain-HTTP localhost; true/false forces it.
    cookie_secure: bool | None = None
    login_attempts_per_minute_per_ip: int = 30
    login_failures_per_email: int = 10
    login_failure_window_minutes: int = 15
    signups_per_hour_per_ip: int = 30
    argon2_time_cost: int = 3
    argon2_memory_kib: int = 65536
    argon2_parallelism: int = 2
    nickname_change_cooldown_days: int = 30
    # A social-only account deletes itself only this soon after logging in.
    reauthentication_window_minutes: int = 10

    # Social login. A provider without a client id is disabled. Base URLs default to the
    # real providers; tests point them at a local provider.
    oauth_redirect_base_url: str | None = None  # public origin, e.g. https://mungmo.app
    oauth_state_ttl_seconds: int = 600
    oauth_link_ticket_ttl_seconds: int = 600
    oauth_timeout_seconds: float = 10.0
    kakao_client_id: str | None = None
    kakao_client_secret: SecretStr | None = None
    kakao_auth_base_url: str = "https://kauth.kakao.com"
    kakao_api_base_url: str = "https://kapi.kakao.com"
    naver_client_id: str | None = None
    naver_client_secret: SecretStr | None = None
    naver_auth_base_url: str = "https://nid.naver.com"
    naver_api_base_url: str = "https://openapi.naver.com"
    google_client_id: str | None = None
    google_client_secret: SecretStr | None = None
    google_discovery_url: str = "https://accounts.google.com/.well-known/openid-configuration"


def _client(settings: IdentitySettings, client_id: str, secret: SecretStr | None) -> OAuthClient:
    return OAuthClient(
        client_id=client_id,
        client_secret=secret.get_secret_value() if secret else None,
        timeout_seconds=settings.oauth_timeout_seconds,
    )


def _providers(settings: IdentitySettings) -> dict[str, OAuthProvider]:
    """Enabled providers in the order the login page shows them."""
    providers: list[OAuthProvider] = []
    if settings.kakao_client_id:
        providers.append(
            KakaoProvider(
                _client(settings, settings.kakao_client_id, settings.kakao_client_secret),
                auth_base_url=settings.kakao_auth_base_url,
                api_base_url=settings.kakao_api_base_url,
            )
        )
    if settings.naver_client_id:
        providers.append(
            NaverProvider(
                _client(settings, settings.naver_client_id, settings.naver_client_secret),
                auth_base_url=settings.naver_auth_base_url,
                api_base_url=settings.naver_api_base_url,
            )
        )
    if settings.google_client_id:
        providers.append(
            GoogleProvider(
                _client(settings, settings.google_client_id, settings.google_client_secret),
                discovery_url=settings.google_discovery_url,
            )
        )
    return {provider.id: provider for provider in providers}


def build(context: PlatformContext, settings: IdentitySettings | None = None) -> ServiceModule:
    settings = settings or IdentitySettings()
    platform = context.settings
    database = Database(settings.resolved_database_url(platform, NAME), Base.metadata, name=NAME)
    signer = TokenSigner.from_file(
        settings.signing_key_file or platform.data_dir / "identity-signing-key.pem",
        issuer=platform.auth_issuer,
        audience=platform.auth_audience,
    )
    uow = context.uow_factory(database)
    identity = Identity(
        uow=uow,
        hasher=PasswordHashing(
            time_cost=settings.argon2_time_cost,
            memory_kib=settings.argon2_memory_kib,
            parallelism=settings.argon2_parallelism,
        ),
        signer=signer,
        policy=IdentityPolicy(
            access_ttl=timedelta(seconds=settings.access_token_ttl_seconds),
            refresh_ttl=timedelta(days=settings.refresh_token_ttl_days),
            refresh_reuse_grace=timedelta(seconds=settings.refresh_reuse_grace_seconds),
            nickname_cooldown=timedelta(days=settings.nickname_change_cooldown_days),
            reauthentication_window=timedelta(minutes=settings.reauthentication_window_minutes),
        ),
        login_per_ip=RateLimiter(settings.login_attempts_per_minute_per_ip, 60),
        login_failures_per_email=RateLimiter(
            settings.login_failures_per_email,
            settings.login_failure_window_minutes * 60,
        ),
        signups_per_ip=RateLimiter(settings.signups_per_hour_per_ip, 3600),
        social=SocialLogin(
            providers=_providers(settings),
            signed=SignedValues(signer.derived_secret("identity.browser-values")),
            state_ttl=timedelta(seconds=settings.oauth_state_ttl_seconds),
            ticket_ttl=timedelta(seconds=settings.oauth_link_ticket_ttl_seconds),
            redirect_base_url=settings.oauth_redirect_base_url,
        ),
    )
    return ServiceModule(
        name=NAME,
        database=database,
        migrations_dir=Path(__file__).parent / "migrations",
        uow_factory=uow,
        routers=[router],
        handlers=[
            EventHandler(
                MemberOnboarded,
                on_member_onboarded,
                name="identity.on_member_onboarded",
            ),
            EventHandler(MemberBanned, on_member_banned, name="identity.on_member_banned"),
        ],
        dependencies=[identity, CookieSecurity(settings.cookie_secure)],
        public_keys=signer.jwks,
    )
