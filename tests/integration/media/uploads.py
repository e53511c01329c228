"""Helpers for media tests: members with tokens, uploads, the media service's parts."""

from dataclasses import dataclass
from pathlib import Path

import httpx
from sqlalchemy import select

from mungmo.media.adapters import LocalDiskStorage
from mungmo.media.service import MediaLibrary
from mungmo.platform.service import ServiceModule
from tests.support.app import RunningApp


@dataclass(frozen=True)
class Member:
    id: str
    token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


async def new_member(mungmo: RunningApp) -> Member:
    account = await mungmo.sign_up()
    return Member(id=account["id"], token=await mungmo.log_in(account["email"]))


async def upload(
    mungmo: RunningApp,
    member: Member | None,
    data: bytes,
    *,
    purpose: str = "profile_photo",
    filename: str = "photo.jpg",
    content_type: str = "image/jpeg",
) -> httpx.Response:
    return await mungmo.client.post(
        "/api/v1/media",
        files={"file": (filename, data, content_type)},
        data={"purpose": purpose},
        headers=member.headers if member else {},
    )


def media_module(mungmo: RunningApp) -> ServiceModule:
    (module,) = [m for m in mungmo.runtime.modules if m.name == "media"]
    return module


def stored_files(mungmo: RunningApp) -> list[Path]:
    library: MediaLibrary = mungmo.app.state.dependencies[MediaLibrary]
    assert isinstance(library.storage, LocalDiskStorage)
    return sorted(path for path in library.storage.root.rglob("*") if path.is_file())


async def outbox_rows(mungmo: RunningApp, event_type: str) -> list[dict[str, object]]:
    database = media_module(mungmo).database
    outbox = database.messaging.outbox
    async with database.session() as session:
        rows = await session.execute(select(outbox).where(outbox.c.event_type == event_type))
        return [dict(row._mapping) for row in rows]
