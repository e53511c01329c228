"""Builds the hospital service: database, shipped register, router."""

from functools import partial
from pathlib import Path

from pydantic_settings import SettingsConfigDict

from mungmo.contracts.identity import AccountDeleted
from mungmo.contracts.member import NeighbourhoodVerified
from mungmo.hospital.api import router
from mungmo.hospital.domain.register import BUNDLED_REGISTER
from mungmo.hospital.handlers import on_account_deleted, on_neighbourhood_verified
from mungmo.hospital.models import Base
from mungmo.hospital.service.context import Hospitals, MapTiles
from mungmo.hospital.service.register import load_register_on_start
from mungmo.platform.config import ServiceSettings
from mungmo.platform.db import Database
from mungmo.platform.events.consumer import EventHandler
from mungmo.platform.regions import BUNDLED_CENTROIDS
from mungmo.platform.service import PlatformContext, ServiceModule

NAME = "hospital"


class HospitalSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="MUNGMO_HOSPITAL_", extra="ignore")

    # Imported into an empty hospitals table at start-up: by default the register
    # snapshot shipped with the project; `mungmo hospitals import --file F` applies a
    # newer one. None leaves an empty table empty.
    register_file: Path | None = BUNDLED_REGISTER
    # A tile URL template for the web map, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png
    # (mind the provider's usage policy). Unset: no tiles, no network, markers only.
    # 행정동 centre points for sorting from a member's 동 centre (a copy of member's file).
    centres_file: Path | None = BUNDLED_CENTROIDS
    map_tile_url: str | None = None
    map_tile_attribution: str = ""


def build(context: PlatformContext, settings: HospitalSettings | None = None) -> ServiceModule:
    settings = settings or HospitalSettings()
    database = Database(
        settings.resolved_database_url(context.settings, NAME), Base.metadata, name=NAME
    )
    uow = context.uow_factory(database)
    hospitals = Hospitals(
        uow=uow,
        clock=context.clock,
        tiles=MapTiles(
            url=settings.map_tile_url or None, attribution=settings.map_tile_attribution
        ),
        register_file=settings.register_file,
        centres_file=settings.centres_file,
    )
    return ServiceModule(
        name=NAME,
        database=database,
        migrations_dir=Path(__file__).parent / "migrations",
        uow_factory=uow,
        routers=[router],
        handlers=[
            EventHandler(
                NeighbourhoodVerified,
                on_neighbourhood_verified,
                name="hospital.on_neighbourhood_verified",
            ),
            EventHandler(AccountDeleted, on_account_deleted, name="hospital.on_account_deleted"),
        ],
        dependencies=[hospitals],
        background=[partial(load_register_on_start, hospitals)],
    )
