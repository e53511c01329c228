"""Media rules that need no I/O: purposes, storage keys, byte ranges, size limits."""

import uuid

import pytest

from mungmo.media.api import byte_range
from mungmo.media.schemas import MediaKind, MediaPurpose
from mungmo.media.service import ACCEPTED_KINDS, ByteRange, MediaPolicy, storage_key


def test_every_purpose_says_which_kinds_it_accepts() -> None:
    assert set(ACCEPTED_KINDS) == set(MediaPurpose)
    assert ACCEPTED_KINDS[MediaPurpose.PROFILE_PHOTO] == {MediaKind.IMAGE}
    assert ACCEPTED_KINDS[MediaPurpose.DOG_PHOTO] == {MediaKind.IMAGE}
    assert ACCEPTED_KINDS[MediaPurpose.REPORT_EVIDENCE] == {MediaKind.IMAGE, MediaKind.VIDEO}
    assert ACCEPTED_KINDS[MediaPurpose.POST_ATTACHMENT] == {MediaKind.IMAGE, MediaKind.VIDEO}


def test_each_kind_has_its_own_size_limit() -> None:
    policy = MediaPolicy(max_image_bytes=10, max_video_bytes=50)
    assert policy.max_bytes(MediaKind.IMAGE) == 10
    assert policy.max_bytes(MediaKind.VIDEO) == 50
    assert policy.max_upload_bytes == 50


def test_storage_keys_come_from_the_id_only() -> None:
    media_id = uuid.UUID("01937c4e-8a2b-7c3d-9e4f-5a6b7c8d9e0f")
    key = storage_key(media_id, "original", "jpg")
    assert key == "0f/01937c4e-8a2b-7c3d-9e4f-5a6b7c8d9e0f/original.jpg"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("bytes=0-99", ByteRange(0, 99)),
        ("bytes=100-", ByteRange(100, None)),
        ("bytes=-50", ByteRange(None, 50)),
        (" bytes=5-5 ", ByteRange(5, 5)),
        ("bytes=9-3", None),  # invalid: ignored, the whole file is sent
        ("bytes=0-1,4-5", None),  # several ranges: the whole file
        ("bytes=-", None),
        ("pages=1-2", None),
        (None, None),
    ],
)
def test_range_headers_are_read_as_one_range_or_none(
    header: str | None, expected: ByteRange | None
) -> None:
    assert byte_range(header) == expected


def test_a_range_is_cut_to_the_file_or_unsatisfiable() -> None:
    assert ByteRange(0, 99).within(50) == (0, 49)
    assert ByteRange(10, None).within(50) == (10, 49)
    assert ByteRange(None, 80).within(50) == (0, 49)  # a suffix longer than the file
    assert ByteRange(None, 5).within(50) == (45, 49)
    assert ByteRange(50, None).within(50) is None
    assert ByteRange(None, 0).within(50) is None
    assert ByteRange(None, 5).within(0) is None
