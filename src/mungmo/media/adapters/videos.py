"""How uploaded videos are checked, cleaned and given a poster (PyAV; its wheels carry
FFmpeg). Cleaning writes one video and one audio track into a new file: the container's
and every stream's metadata (title, location, dates, device), metadata inside the
picture packets (H.264 SEI, AV1 metadata OBUs) and every other track (timed location
data, subtitles, chapters) stay behind. Tracks in codecs browsers play are copied as
they are; others (an iPhone's HEVC, PCM or AC-3 sound) are encoded again as H.264/AAC
in MP4 (see ``tracks``)."""

from __future__ import annotations

import hashlib
import io
import tempfile
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av
from av.audio.stream import AudioStream
from av.container import InputContainer
from av.packet import Packet
from av.stream import Disposition, Stream
from av.video.frame import VideoFrame
from av.video.stream import VideoStream
from PIL import Image

from mungmo.media.adapters.images import EncodedImage, poster_images
from mungmo.media.adapters.tracks import (
    CopiedTrack,
    EncodedAudioTrack,
    EncodedVideoTrack,
    Picture,
    Track,
    fit,
)
from mungmo.media.adapters.video_types import VideoType, sniff_video_type


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
    # Videos encoded again (codecs browsers do not play) get at most this long side.
    encode_edge: int = 1280

    def process(self, data: bytes) -> ProcessedVideo:
        kind = sniff_video_type(data)
        if kind is None:
            raise NotAVideo("the content is not an MP4, MOV or WebM video")
        try:
            cleaned, seconds = self._clean(data, kind)
            with av.open(io.BytesIO(cleaned), "r", format=kind.demuxer) as copy:
                frame = _poster_frame(copy, seconds)
            # The stream may change its picture size after the header: check the frame too.
            if frame.width * frame.height > self.max_pixels:
                raise VideoTooManyPixels(self.max_pixels)
            picture = _upright(frame)
        except VideoRejected:
            raise
        except Exception as error:
            # Anything a demuxer or decoder raises on hostile or broken input: not a video.
            raise NotAVideo("the video data cannot be read") from error
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
            if context.width < 1 or context.height < 1:
                raise NotAVideo("the video has no pictures")
            if context.width * context.height > self.max_pixels:
                raise VideoTooManyPixels(self.max_pixels)
            if source.duration is not None and Fraction(source.duration, 1_000_000) > limit:
                raise VideoTooLong(self.max_seconds)
            audio = source.streams.audio[0] if source.streams.audio else None
            plan = _Plan(
                video=video,
                audio=audio,
                picture=None if _codec(video) in kind.video_codecs else self._picture(data, kind),
                encode_audio=audio is not None and _codec(audio) not in kind.audio_codecs,
            )
            if (plan.picture or plan.encode_audio) and kind.muxer != "mp4":
                # Only MP4 takes the H.264 and AAC that would replace them.
                playable = kind.video_codecs | kind.audio_codecs
                names = [_codec(s) for s in (video, audio) if s and _codec(s) not in playable]
                raise UnplayableCodec(f"{', '.join(names)} cannot be played in {kind.name}")
            with tempfile.TemporaryDirectory(prefix="mungmo-video-") as folder:
                path = Path(folder) / f"clean.{kind.extension}"
                span = _write(source, plan, path, kind, limit)
                cleaned = path.read_bytes()
        if span.seconds <= 0:
            raise NotAVideo("the video has no pictures")
        return cleaned, span.seconds

    def _picture(self, data: bytes, kind: VideoType) -> Picture:
        """Size and rotation for re-encoding; the rotation is known from a frame only."""
        with av.open(io.BytesIO(data), "r", format=kind.demuxer) as probe:
            # The same track as in the source: the first that is not cover art.
            first = next(probe.decode(_video_stream(probe)))
        width, height = fit(first.width, first.height, self.encode_edge)
        return Picture(width, height, first.rotation)


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


@dataclass(frozen=True)
class _Plan:
    """Which tracks are kept, and which are encoded again (``picture`` set: the video)."""

    video: VideoStream
    audio: AudioStream | None
    picture: Picture | None
    encode_audio: bool


def _codec(stream: Stream) -> str:
    return stream.codec_context.codec.canonical_name


def _write(
    source: InputContainer, plan: _Plan, path: Path, kind: VideoType, limit: Fraction
) -> _Span:
    # faststart puts the index first, so a browser starts playing before the end arrives.
    options = {"movflags": "+faststart"} if kind.muxer == "mp4" else {}
    span = _Span()
    with av.open(str(path), "w", format=kind.muxer, options=options) as output:
        tracks: dict[int, Track] = {
            plan.video.index: CopiedTrack(output, plan.video)
            if plan.picture is None
            else EncodedVideoTrack(output, plan.video, plan.picture)
        }
        if plan.audio is not None:
            tracks[plan.audio.index] = (
                EncodedAudioTrack(output, plan.audio)
                if plan.encode_audio
                else CopiedTrack(output, plan.audio)
            )
        for packet in source.demux(*(s for s in (plan.video, plan.audio) if s is not None)):
            span.add(packet)
            if span.seconds > limit + _SLACK:
                raise VideoTooLong(float(limit))
            tracks[packet.stream.index].take(packet)
        for track in tracks.values():
            track.finish()
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
