"""Media rules that need no I/O: purposes, storage keys."""

import uuid

from mungmo.media.schemas import MediaKind, MediaPurpose
from mungmo.media.service import ACCEPTED_KINDS, storage_key


def test_every_purpose_says_which_kinds_it_accepts() -> None:
    assert set(ACCEPTED_KINDS) == set(MediaPurpose)
    assert ACCEPTED_KINDS[MediaPurpose.PROFILE_PHOTO] == {MediaKind.IMAGE}
    assert ACCEPTED_KINDS[MediaPurpose.DOG_PHOTO] == {MediaKind.IMAGE}


def test_storage_keys_come_from_the_id_only() -> None:
    media_id = uuid.UUID("01937c4e-8a2b-7c3d-9e4f-5a6b7c8d9e0f")
    key = storage_key(media_id, "original", "jpg")
    assert key == "0f/01937c4e-8a2b-7c3d-9e4f-5a6b7c8d9e0f/original.jpg"
