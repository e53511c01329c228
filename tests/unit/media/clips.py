"""Test videos made with PyAV on the fly (no binary fixtures in the repository): a few
tiny frames, left half red and right half blue, so a poster shows which way is up."""

import io

import av
import numpy as np

from tests.unit.media.pictures import BLUE, RED

# 경복궁 as a phone writes it (ISO 6709), and a title that must not survive.
LOCATION = "+37.5796+126.9770/"
TITLE = "Secret walk 비밀 산책"
DEVICE = "MungCam Pocket 7"
CAMERA_METADATA = {
    "title": TITLE,
    "location": LOCATION,
    "comment": DEVICE,
    "make": DEVICE,
    "creation_time": "2026-05-05T10:20:30Z",
}


def _frame(width: int, height: int) -> av.VideoFrame:
    pixels = np.zeros((height, width, 3), np.uint8)
    pixels[:, : width // 2] = RED
    pixels[:, width // 2 :] = BLUE
    return av.VideoFrame.from_ndarray(pixels, format="rgb24")


def clip(
    muxer: str = "mp4",
    codec: str = "libx264",
    *,
    seconds: float = 0.5,
    rate: int = 10,
    size: tuple[int, int] = (64, 48),
    audio: str | None = None,
    metadata: dict[str, str] | None = None,
    rotation: int = 0,
) -> bytes:
    """A short video; ``metadata`` goes on the container and on the video stream."""
    buffer = io.BytesIO()
    with av.open(buffer, "w", format=muxer) as output:
        output.metadata.update(metadata or {})
        video = output.add_stream(codec, rate=rate)
        video.width, video.height = size
        video.pix_fmt = "yuv420p"
        video.metadata.update(metadata or {})
        if rotation:
            video.set_display_rotation(rotation)
        sound = output.add_stream(audio, rate=48_000) if audio else None
        frames = max(1, round(seconds * rate))
        for _ in range(frames):
            output.mux(video.encode(_frame(*size)))
        output.mux(video.encode(None))
        if sound is not None:
            silence = np.zeros((1, round(48_000 * seconds)), np.float32)
            samples = av.AudioFrame.from_ndarray(silence, format="fltp", layout="mono")
            samples.sample_rate = 48_000
            output.mux(sound.encode(samples))
            output.mux(sound.encode(None))
    return buffer.getvalue()


def mp4_with_location(*, seconds: float = 0.5, rotation: int = 0) -> bytes:
    """H.264 and AAC in MP4 with a title, a place and a device, like a phone's."""
    return clip(
        "mp4",
        "libx264",
        audio="aac",
        metadata=CAMERA_METADATA,
        seconds=seconds,
        rotation=rotation,
    )


def mov_with_location() -> bytes:
    """QuickTime (an iPhone's container) with its location atom."""
    return clip("mov", "libx264", audio="aac", metadata=CAMERA_METADATA)


def webm_clip() -> bytes:
    return clip("webm", "libvpx", audio="libopus", metadata={"title": TITLE})


def avi_clip() -> bytes:
    return clip("avi", "mpeg4")


def mkv_clip() -> bytes:
    """Matroska that is not WebM (same magic bytes, another DocType)."""
    return clip("matroska", "libx264")


def mpeg4_part2_in_mp4() -> bytes:
    """A real MP4 whose codec (MPEG-4 Part 2) browsers do not play."""
    return clip("mp4", "mpeg4")


def metadata_of(data: bytes) -> list[dict[str, str]]:
    """The container's metadata, then each stream's."""
    with av.open(io.BytesIO(data), "r") as container:
        return [dict(container.metadata), *(dict(s.metadata) for s in container.streams)]
