"""The local-disk store behind MediaStorage: round trip, atomic writes, no escaping."""

from pathlib import Path

import pytest

from mungmo.media.adapters import LocalDiskStorage, MediaStorage


def _file_names(root: Path) -> list[str]:
    return sorted(path.name for path in root.rglob("*") if path.is_file())


def _folders(root: Path) -> list[str]:
    return [path.name for path in sorted(root.rglob("*")) if path.is_dir()]


async def test_bytes_round_trip_and_deleting_leaves_no_trace(tmp_path: Path) -> None:
    storage: MediaStorage = LocalDiskStorage(tmp_path / "media")
    key = "0f/01937c4e-8a2b-7c3d-9e4f-5a6b7c8d9e0f/original.jpg"
    await storage.save(key, b"jpeg bytes", "image/jpeg")
    assert await storage.load(key) == b"jpeg bytes"
    await storage.save(key, b"replaced", "image/jpeg")
    assert await storage.load(key) == b"replaced"
    assert _file_names(tmp_path) == ["original.jpg"]  # no partial files left over
    await storage.delete(key)
    assert await storage.load(key) is None
    await storage.delete(key)  # deleting twice is fine
    assert _folders(tmp_path) == ["media", "0f"]  # the file's own folder went with it


@pytest.mark.parametrize(
    "key",
    ["../outside.jpg", "/etc/passwd", "0f/../../outside.jpg", "0f/Photo.JPG", "0f/", "", "a b.jpg"],
)
async def test_keys_cannot_leave_the_storage_folder(tmp_path: Path, key: str) -> None:
    storage = LocalDiskStorage(tmp_path / "media")
    with pytest.raises(ValueError, match="not a media storage key"):
        await storage.save(key, b"x", "image/jpeg")
    with pytest.raises(ValueError, match="not a media storage key"):
        await storage.load(key)
    assert _file_names(tmp_path) == []
