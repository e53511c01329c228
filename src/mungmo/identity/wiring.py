"""Builds the identity service from settings: database, adapters, router."""

from datetime import timedelta
from pathlib import Path

from pydantic_settings import SettingsConfigDict

from mungmo.identity.adapters import PasswordHashing, TokenSigner
from mungmo.identity.api import CookiePolicy, router
from mungmo.identity.models import Base
from mungmo.identity.service import Identity, IdentityPolicy
from mungmo.platform.config import ServiceSettings
from mungmo.platform.db import Database
from mungmo.platform.ratelimit import RateLimiter
from mungmo.platform.service import PlatformContext, ServiceModule

NAME = "identity"


class IdentitySettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="MUNGMO_IDENTITY_", extra="ignore")

    signing_key_file: Path | None = None
    access_token_ttl_seconds: int = 600
    refresh_token_ttl_days: int = 30
    refresh_reuse_grace_seconds: int = 10
    cookie_secure: bool = False
    login_attempts_per_minute_per_ip: int = 30
    login_failures_per_email: int = 10
    login_failure_window_minutes: int = 15
    signups_per_hour_per_ip: int = 30
    argon2_time_cost: int = 3
    argon2_memory_kib: int = 65536
    argon2_parallelism: int = 2


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
        ),
        login_per_ip=RateLimiter(settings.login_attempts_per_minute_per_ip, 60),
        login_failures_per_email=RateLimiter(
            settings.login_failures_per_email,
            settings.login_failure_window_minutes * 60,
        ),
        signups_per_ip=RateLimiter(settings.signups_per_hour_per_ip, 3600),
    )
    return ServiceModule(
        name=NAME,
        database=database,
        migrations_dir=Path(__file__).parent / "migrations",
        uow_factory=uow,
        routers=[router],
        dependencies=[identity, CookiePolicy(settings.cookie_secure)],
        public_keys=signer.jwks,
    )
