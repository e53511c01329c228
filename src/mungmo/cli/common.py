"""What every command shares: where the repository is, and the platform settings."""

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mungmo.platform.config import PlatformSettings

REPO_ROOT = Path(__file__).resolve().parents[3]
WEB_DIR = REPO_ROOT / "web"


def platform_settings(args: argparse.Namespace) -> "PlatformSettings":
    """The environment's settings, with --host, --port and --data-dir on top."""
    from mungmo.platform.config import PlatformSettings

    overrides: dict[str, object] = {}
    for name in ("host", "port", "data_dir"):
        value = getattr(args, name, None)
        if value is not None:
            overrides[name] = value
    return PlatformSettings(**overrides)  # type: ignore[arg-type]


def server_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--host")
    command.add_argument("--port", type=int)
    command.add_argument("--data-dir", type=Path)
