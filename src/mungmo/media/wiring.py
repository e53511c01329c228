"""Builds the media service: database, storage, image and video processing, router,
subscriptions."""

import asyncio
from functools import partial
from pathlib import Path

from pydantic_settings import SettingsConfigDict

from mungmo.contracts.identity import AccountDeleted
from mungmo.media.adapters import ImageProcessor, LocalDiskStorage, VideoProcessor
from mungmo.media.api import router
from mungmo.media.handlers import on_account_deleted
from mungmo.media.models import Base
from mungmo.media.service import MediaLibrary, MediaPolicy
from mungmo.platform.config import ServiceSettings
from mungmo.platform.db import Database
from mungmo.platform.events.consumer import EventHandler
from mungmo.platform.ratelimit import RateLimiter
from mungmo.platform.service import PlatformContext, ServiceModule

NAME = "media"


class MediaSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="MUNGMO_MEDIA_", extra="ignore")

    # Local folder for the files; <data dir>/media when not set.
    storage_dir: Path | None = None
    # Per photo. Keep both below the platform's upload_max_bytes, which also counts
    # multipart framing.
    max_upload_bytes: int = 10 * 1024 * 1024
    max_video_bytes: int = 50 * 1024 * 1024
    max_video_seconds: float = 60.0
    # 4K (3840×2160) either way up.
    max_video_pixels: int = 8_294_400
    # A video's poster frame is stored at most this many pixels on the long side.
    poster_edge: int = 1280
    max_image_pixels: int = 40_000_000
    # Bigger originals are scaled down to this many pixels on the long side.
    original_max_edge: int = 4096
    thumbnail_edge: int = 320
    uploads_per_minute: int = 30
    concurrent_image_jobs: int = 2
    concurrent_video_jobs: int = 1


def build(context: PlatformContext, settings: MediaSettings | None = None) -> ServiceModule:
    settings = settings or MediaSettings()
    platform = context.settings
    database = Database(settings.resolved_database_url(platform, NAME), Base.metadata, name=NAME)
    uow = context.uow_factory(database)
    storage = LocalDiskStorage(settings.storage_dir or platform.data_dir / "media")
    library = MediaLibrary(
        uow=uow,
        storage=storage,
        images=ImageProcessor(
            max_pixels=settings.max_image_pixels,
            max_edge=settings.original_max_edge,
            thumbnail_edge=settings.thumbnail_edge,
        ),
        videos=VideoProcessor(
            max_pixels=settings.max_video_pixels,
            max_seconds=settings.max_video_seconds,
            poster_edge=settings.poster_edge,
            thumbnail_edge=settings.thumbnail_edge,
        ),
        policy=MediaPolicy(
            max_image_bytes=settings.max_upload_bytes, max_video_bytes=settings.max_video_bytes
        ),
        uploads_per_account=RateLimiter(settings.uploads_per_minute, 60),
        image_jobs=asyncio.Semaphore(settings.concurrent_image_jobs),
        video_jobs=asyncio.Semaphore(settings.concurrent_video_jobs),
    )
    return ServiceModule(
        name=NAME,
        database=database,
        migrations_dir=Path(__file__).parent / "migrations",
        uow_factory=uow,
        routers=[router],
        handlers=[
            EventHandler(
                AccountDeleted,
                partial(on_account_deleted, storage=storage),
                name="media.on_account_deleted",
            ),
        ],
        dependencies=[library],
    )
