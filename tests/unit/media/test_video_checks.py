"""What the video processor accepts, refuses and strips; pure, on bytes in memory."""

import io

import av
import pytest
from PIL import Image

from mungmo.media.adapters import (
    MOV,
    MP4,
    WEBM,
    NotAVideo,
    UnplayableCodec,
    VideoProcessor,
    VideoTooLong,
    VideoTooManyPixels,
    sniff_video_type,
)
from tests.unit.media.clips import (
    CAMERA_METADATA,
    DEVICE,
    LOCATION,
    TITLE,
    avi_clip,
    clip,
    metadata_of,
    mkv_clip,
    mov_with_location,
    mp4_with_location,
    mpeg4_part2_in_mp4,
    webm_clip,
)
from tests.unit.media.pictures import BLUE, RED, encoded, text_file, two_colour

PROCESSOR = VideoProcessor(
    max_pixels=8_294_400, max_seconds=60, poster_edge=1280, thumbnail_edge=32
)


def near(colour: tuple[int, ...], expected: tuple[int, int, int]) -> bool:
    return all(abs(a - b) < 60 for a, b in zip(colour[:3], expected, strict=True))


def assert_no_camera_metadata(data: bytes) -> None:
    for metadata in metadata_of(data):
        keys = {key.lower().removesuffix("-eng") for key in metadata}
        assert keys.isdisjoint({"title", "name", "location", "comment", "make", "creation_time"})
        assert not {LOCATION, TITLE, DEVICE} & set(metadata.values())
    for secret in (LOCATION, TITLE, DEVICE, "2026-05-05"):
        assert secret.encode() not in data


def test_videos_are_told_apart_by_their_first_bytes() -> None:
    assert sniff_video_type(mp4_with_location()) is MP4
    assert sniff_video_type(mov_with_location()) is MOV
    assert sniff_video_type(webm_clip()) is WEBM
    # AVI, Matroska that is not WebM, HEIC pictures (MP4's box layout), text, photos.
    heic = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic"
    for other in (avi_clip(), mkv_clip(), heic, text_file(), encoded(two_colour(8, 8), "PNG")):
        assert sniff_video_type(other) is None


def test_an_mp4_loses_its_title_location_and_device_but_keeps_its_pictures() -> None:
    upload = mp4_with_location()
    # The fixture really carries them (read back by FFmpeg itself).
    assert metadata_of(upload)[0]["location"] == LOCATION
    assert metadata_of(upload)[0]["title"] == TITLE
    video = PROCESSOR.process(upload)
    assert video.file.content_type == "video/mp4"
    assert (video.file.width, video.file.height) == (64, 48)
    assert 400 <= video.file.duration_ms <= 700
    assert_no_camera_metadata(video.file.data)
    with av.open(io.BytesIO(video.file.data), "r") as copy:
        assert [s.type for s in copy.streams] == ["video", "audio"]
        assert copy.streams.video[0].codec_context.name == "h264"
        assert sum(1 for _ in copy.decode(video=0)) == 5


def test_a_poster_and_a_thumbnail_are_taken_from_a_frame() -> None:
    video = PROCESSOR.process(mp4_with_location())
    assert video.poster.content_type == "image/jpeg"
    assert video.thumbnail.content_type == "image/webp"
    poster = Image.open(io.BytesIO(video.poster.data))
    assert poster.format == "JPEG"
    assert poster.size == (64, 48)
    assert dict(poster.getexif()) == {}
    assert near(poster.convert("RGB").getpixel((5, 24)), RED)
    assert near(poster.convert("RGB").getpixel((58, 24)), BLUE)
    thumbnail = Image.open(io.BytesIO(video.thumbnail.data))
    assert thumbnail.format == "WEBP"
    assert thumbnail.size == (32, 24)


def test_a_turned_phone_video_gets_an_upright_poster_and_size() -> None:
    # Recorded 64×48 with a display matrix turning it a quarter counterclockwise.
    video = PROCESSOR.process(mp4_with_location(rotation=90))
    assert (video.file.width, video.file.height) == (48, 64)
    poster = Image.open(io.BytesIO(video.poster.data)).convert("RGB")
    assert poster.size == (48, 64)
    # The left (red) half turned to the bottom; browsers turn the video the same way.
    assert near(poster.getpixel((24, 58)), RED)
    assert near(poster.getpixel((24, 5)), BLUE)
    with av.open(io.BytesIO(video.file.data), "r") as copy:
        assert next(copy.decode(video=0)).rotation == 90


def test_quicktime_is_stored_as_mp4_without_its_location() -> None:
    upload = mov_with_location()
    assert LOCATION.encode() in upload
    video = PROCESSOR.process(upload)
    assert video.file.content_type == "video/mp4"
    assert video.file.data[4:12] == b"ftypisom"
    assert_no_camera_metadata(video.file.data)


def test_webm_stays_webm_without_its_title() -> None:
    video = PROCESSOR.process(webm_clip())
    assert video.file.content_type == "video/webm"
    assert sniff_video_type(video.file.data) is WEBM
    assert_no_camera_metadata(video.file.data)
    with av.open(io.BytesIO(video.file.data), "r") as copy:
        assert [s.codec_context.name for s in copy.streams] == ["vp8", "opus"]


@pytest.mark.parametrize(
    "data",
    [avi_clip(), mkv_clip(), text_file(), mp4_with_location()[:600], b"\x00\x00\x00\x08moov"],
    ids=["avi", "matroska", "text", "cut-off-mp4", "empty-quicktime"],
)
def test_other_containers_and_broken_files_are_not_videos(data: bytes) -> None:
    with pytest.raises(NotAVideo):
        PROCESSOR.process(data)


def test_codecs_browsers_cannot_play_are_refused() -> None:
    with pytest.raises(UnplayableCodec, match="mpeg4"):
        PROCESSOR.process(mpeg4_part2_in_mp4())
    # Playable pictures with sound that is not: refused too (nothing is re-encoded).
    with pytest.raises(UnplayableCodec, match="ac3"):
        PROCESSOR.process(clip("mp4", "libx264", audio="ac3", metadata=CAMERA_METADATA))


def test_too_long_and_too_many_pixels_are_refused() -> None:
    short = VideoProcessor(max_pixels=8_294_400, max_seconds=1, poster_edge=64, thumbnail_edge=32)
    assert short.process(clip(seconds=0.8)).file.duration_ms <= 1000
    with pytest.raises(VideoTooLong, match="1 seconds"):
        short.process(clip(seconds=2, rate=5))
    small = VideoProcessor(max_pixels=1000, max_seconds=60, poster_edge=64, thumbnail_edge=32)
    with pytest.raises(VideoTooManyPixels):
        small.process(clip())
