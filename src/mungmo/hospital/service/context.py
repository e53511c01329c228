"""What the hospital use cases need, wired once at start-up."""

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from mungmo.platform.clock import Clock, utc_now
from mungmo.platform.db import UnitOfWork


@dataclass(frozen=True)
class MapTiles:
    """Where the web map takes its tiles from; no URL means no tiles (and no network):
    markers are drawn on a plain background."""

    url: str | None = None
    attribution: str = ""


@dataclass
class Hospitals:
    uow: Callable[..., UnitOfWork]
    clock: Clock = utc_now
    tiles: MapTiles = field(default_factory=MapTiles)
    # Imported into an empty hospitals table on first need (the local `mungmo run`).
    register_file: Path | None = None
    # 행정동 centre points, for "near my 동".
    centres_file: Path | None = None
    register_lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    # Once seen non-empty the table stays filled (imports never delete rows).
    register_loaded: bool = False
