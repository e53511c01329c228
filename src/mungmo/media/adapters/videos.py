"""How uploaded videos are checked, cleaned and given a poster (PyAV; its wheels carry
FFmpeg). Cleaning copies only the packets of one video and one audio track into a new
file: the container's and every stream's metadata (title, location, dates, device) and
every other track (timed location data, subtitles, chapters) stay behind. The pictures
and sound are not re-encoded, so the codecs must already be ones browsers play."""

from __future__ import annotations

import hashlib
import io
import tempfile
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av
from av.container import InputContainer
from av.packet import Packet
from av.stream import Disposition, Stream
from av.video.frame import VideoFrame
from av.video.stream import VideoStream
from PIL import Image

from mungmo.media.adapters.images import EncodedImage, poster_images


@dataclass(frozen=True)
class VideoType:
    name: str
    demuxer: str  # the only FFmpeg demuxer allowed to read it
    muxer: str  # how the clean copy is stored
    content_type: str
    extension: str
    video_codecs: frozenset[str]
    audio_codecs: frozenset[str]


# What Chromium, Firefox and Safari play in each container.
_MP4_VIDEO = frozenset({"h264", "vp9", "av1"})
_MP4_AUDIO = frozenset({"aac", "mp3", "opus"})
MP4 = VideoType("MP4", "mov", "mp4", "video/mp4", "mp4", _MP4_VIDEO, _MP4_AUDIO)
# QuickTime is stored as MP4 (same packets, a container every browser plays).
MOV = VideoType("MOV", "mov", "mp4", "video/mp4", "mp4", _MP4_VIDEO, _MP4_AUDIO)
WEBM = VideoType(
    "WebM",
    "matroska",
    "webm",
    "video/webm",
    "webm",
    frozenset({"vp8", "vp9", "av1"}),
    frozenset({"opus", "vorbis"}),
)

_MP4_BRANDS = (b"iso", b"mp4", b"avc1", b"M4V", b"mmp4", b"MSNV", b"dash")
# QuickTime files from before the ftyp box start with one of these atoms.
_QUICKTIME_ATOMS = frozenset({b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot"})


def sniff_video_type(data: bytes) -> VideoType | None:
    """The video type told by the first bytes; names and Content-Type are never trusted.
    HEIC/AVIF pictures and 3GP share MP4's box layout but have other brands: refused."""
    if len(data) >= 12 and data[4:8] == b"ftyp":
        brand = data[8:12]
        if brand == b"qt  ":
            return MOV
        return MP4 if brand.startswith(_MP4_BRANDS) else None
    if len(data) >= 8 and data[4:8] in _QUICKTIME_ATOMS:
        return MOV
    if data.startswith(b"\x1a\x45\xdf\xa3") and _ebml_doctype(data[:64]) == b"webm":
        return WEBM
    return None


def _ebml_doctype(header: bytes) -> bytes | None:
    """The DocType of an EBML header ("webm" or "matroska")."""
    at = header.find(b"\x42\x82")
    if at < 0 or at + 3 > len(header) or not header[at + 2] & 0x80:
        return None
    length = header[at + 2] & 0x7F
    return header[at + 3 : at + 3 + length]


class VideoRejected(Exception):
    """The upload is not a video the service accepts."""


class NotAVideo(VideoRejected):
    """Not an MP4, MOV or WebM video, or it does not decode as one."""


class UnplayableCodec(VideoRejected):
    """A codec that browsers do not play (the service does not re-encode)."""


class VideoTooLong(VideoRejected):
    def __init__(self, limit_seconds: float) -> None:
        super().__init__(f"videos may be at most {limit_seconds:g} seconds long")


class VideoTooManyPixels(VideoRejected):
    def __init__(self, limit: int) -> None:
        super().__init__(f"video pictures may have at most {limit:,} pixels")


@dataclass(frozen=True)
class EncodedVideo:
    data: bytes
    content_type: str
    extension: str
    width: int  # as displayed (a rotated phone video is taller than wide)
    height: int
    duration_ms: int

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass(frozen=True)
class ProcessedVideo:
    file: EncodedVideo
    poster: EncodedImage
    thumbnail: EncodedImage


# A header may claim a short duration: the packets are measured too, with this slack
# for the last frame's length.
_SLACK = Fraction(1, 2)
# A poster is taken a little after the start (first frames are often black).
_POSTER_AT = Fraction(1)
_POSTER_MAX_FRAMES = 120


@dataclass(frozen=True)
class VideoProcessor:
    """Checks an upload by content, copies it without metadata and decodes one frame
    for a poster. CPU- and disk-bound: run it in a worker thread."""

    max_pixels: int
    max_seconds: float
    poster_edge: int
    thumbnail_edge: int

    def process(self, data: bytes) -> ProcessedVideo:
        kind = sniff_video_type(data)
        if kind is None:
            raise NotAVideo("the content is not an MP4, MOV or WebM video")
        try:
            cleaned, seconds = self._clean(data, kind)
            with av.open(io.BytesIO(cleaned), "r", format=kind.demuxer) as copy:
                frame = _poster_frame(copy, seconds)
        except VideoRejected:
            raise
        except Exception as error:
            # Anything a demuxer or decoder raises on hostile or broken input: not a video.
            raise NotAVideo("the video data cannot be read") from error
        picture = _upright(frame)
        stills = poster_images(
            picture, max_edge=self.poster_edge, thumbnail_edge=self.thumbnail_edge
        )
        width, height = picture.size
        video = EncodedVideo(
            data=cleaned,
            content_type=kind.content_type,
            extension=kind.extension,
            width=width,
            height=height,
            duration_ms=max(1, round(seconds * 1000)),
        )
        return ProcessedVideo(file=video, poster=stills.original, thumbnail=stills.thumbnail)

    def _clean(self, data: bytes, kind: VideoType) -> tuple[bytes, Fraction]:
        """The clean copy and its length in seconds, measured from its packets."""
        limit = Fraction(self.max_seconds)
        with av.open(io.BytesIO(data), "r", format=kind.demuxer) as source:
            video = _video_stream(source)
            context = video.codec_context
            if context.codec.canonical_name not in kind.video_codecs:
                raise UnplayableCodec(f"{context.codec.canonical_name} video cannot be played")
            if context.width < 1 or context.height < 1:
                raise NotAVideo("the video has no pictures")
            if context.width * context.height > self.max_pixels:
                raise VideoTooManyPixels(self.max_pixels)
            if source.duration is not None and Fraction(source.duration, 1_000_000) > limit:
                raise VideoTooLong(self.max_seconds)
            audio = source.streams.audio[0] if source.streams.audio else None
            if audio is not None and audio.codec_context.codec.canonical_name not in (
                kind.audio_codecs
            ):
                name = audio.codec_context.codec.canonical_name
                raise UnplayableCodec(f"{name} sound cannot be played")
            copied: list[Stream] = [video] if audio is None else [video, audio]
            with tempfile.TemporaryDirectory(prefix="mungmo-video-") as folder:
                path = Path(folder) / f"clean.{kind.extension}"
                span = _copy_packets(source, copied, path, kind, limit)
                cleaned = path.read_bytes()
        if span.seconds <= 0:
            raise NotAVideo("the video has no pictures")
        return cleaned, span.seconds


def _video_stream(source: InputContainer) -> VideoStream:
    for stream in source.streams.video:
        # Cover art in an MP4 is a one-picture "video" track.
        if not stream.disposition & Disposition.attached_pic:
            return stream
    raise NotAVideo("the file has no video track")


@dataclass
class _Span:
    """Start and end of the copied packets, in seconds."""

    start: Fraction | None = None
    end: Fraction | None = None

    def add(self, packet: Packet[Stream]) -> None:
        at = packet.pts if packet.pts is not None else packet.dts
        if at is None or packet.time_base is None:
            return
        begins = at * packet.time_base
        ends = (at + max(packet.duration or 0, 0)) * packet.time_base
        self.start = begins if self.start is None else min(self.start, begins)
        self.end = ends if self.end is None else max(self.end, ends)

    @property
    def seconds(self) -> Fraction:
        if self.start is None or self.end is None:
            return Fraction(0)
        return self.end - self.start


def _copy_packets(
    source: InputContainer,
    streams: list[Stream],
    path: Path,
    kind: VideoType,
    limit: Fraction,
) -> _Span:
    # faststart puts the index first, so a browser starts playing before the end arrives.
    options = {"movflags": "+faststart"} if kind.muxer == "mp4" else {}
    span = _Span()
    with av.open(str(path), "w", format=kind.muxer, options=options) as output:
        # A template gives codec parameters and the display matrix, never metadata.
        targets = {stream.index: output.add_stream_from_template(stream) for stream in streams}
        for packet in source.demux(*streams):
            if packet.dts is None:
                continue  # the demuxer's end-of-stream marker
            span.add(packet)
            if span.seconds > limit + _SLACK:
                raise VideoTooLong(float(limit))
            packet.stream = targets[packet.stream.index]
            output.mux(packet)
    return span


def _poster_frame(copy: InputContainer, seconds: Fraction) -> VideoFrame:
    stream = copy.streams.video[0]
    target = min(_POSTER_AT, seconds / 4)
    chosen: VideoFrame | None = None
    first: float | None = None
    for count, frame in enumerate(copy.decode(stream)):
        chosen = frame
        if frame.time is None or count >= _POSTER_MAX_FRAMES:
            break
        first = frame.time if first is None else first
        if frame.time - first >= target:
            break
    if chosen is None:
        raise NotAVideo("no picture in the video can be decoded")
    return chosen


def _upright(frame: VideoFrame) -> Image.Image:
    """The frame as browsers show it: the display matrix, kept in the copy, turns it
    counterclockwise."""
    picture = Image.fromarray(frame.to_ndarray(format="rgb24"))
    turn = frame.rotation % 360
    return picture.rotate(turn, expand=True) if turn else picture
