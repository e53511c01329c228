"""Where the media service's bytes live: ``MediaStorage``, on local disk for now."""

import asyncio
import contextlib
import os
import re
import uuid
from pathlib import Path
from typing import Protocol


class MediaStorage(Protocol):
    """Where media bytes live. Keys are made by the service (``ab/<id>/original.jpg``),
    never from user input. An S3-compatible store implements the same three calls
    (``load`` with a range is a ranged GET)."""

    async def save(self, key: str, data: bytes, content_type: str) -> None: ...

    async def load(self, key: str, offset: int = 0, length: int | None = None) -> bytes | None:
        """The stored bytes (``length`` of them from ``offset``, or all of them), or None
        when nothing is stored under ``key``."""
        ...

    async def delete(self, key: str) -> None:
        """Removes the bytes; a key that holds nothing is not an error."""
        ...


_KEY = re.compile(r"^(?:[0-9a-z-]+/)*[0-9a-z-]+\.[0-9a-z]+$")


class LocalDiskStorage:
    """Files under one folder; writes are atomic (temporary file, then rename)."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()

    def path_of(self, key: str) -> Path:
        path = (self.root / key).resolve()
        if not _KEY.fullmatch(key) or not path.is_relative_to(self.root):
            raise ValueError(f"not a media storage key: {key!r}")
        return path

    async def save(self, key: str, data: bytes, content_type: str) -> None:
        await asyncio.to_thread(_write_atomically, self.path_of(key), data)

    async def load(self, key: str, offset: int = 0, length: int | None = None) -> bytes | None:
        try:
            return await asyncio.to_thread(_read_part, self.path_of(key), offset, length)
        except FileNotFoundError:
            return None

    async def delete(self, key: str) -> None:
        await asyncio.to_thread(self._delete, self.path_of(key))

    def _delete(self, path: Path) -> None:
        path.unlink(missing_ok=True)
        # The file's own folder goes once empty; shared folders above it stay, so a
        # concurrent upload never finds its parent folder removed under it.
        if path.parent != self.root:
            with contextlib.suppress(OSError):
                path.parent.rmdir()


def _read_part(path: Path, offset: int, length: int | None) -> bytes:
    if offset == 0 and length is None:
        return path.read_bytes()
    with path.open("rb") as file:
        file.seek(offset)
        return file.read(-1 if length is None else length)


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{uuid.uuid4().hex}.part")
    try:
        partial.write_bytes(data)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
