"""How each kept track of a video gets into the clean file: its packets copied (without
the metadata some codecs carry inside them), or, when browsers cannot play its codec
(an iPhone's HEVC, a camera's PCM sound), decoded and encoded again as H.264 or AAC."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction
from typing import Protocol

from av.audio.stream import AudioStream
from av.bitstream import BitStreamFilterContext
from av.container import OutputContainer
from av.packet import Packet
from av.stream import Stream
from av.video.stream import VideoStream

# Metadata carried inside the pictures themselves is dropped too: H.264 SEI messages
# (encoder name and settings, cameras' user data such as GPS) and AV1 metadata OBUs.
_IN_BAND = {
    "h264": "filter_units=remove_types=6",
    "av1": "filter_units=remove_types=5",
}
# Re-encoding favours time (it runs while the uploader waits) over size.
_H264_OPTIONS = {"preset": "veryfast", "crf": "23"}


class Track(Protocol):
    """One track of the clean file: it takes the source's packets, then finishes."""

    def take(self, packet: Packet[Stream]) -> None: ...

    def finish(self) -> None: ...


def _mux(output: OutputContainer, target: Stream, packets: Iterable[Packet[Stream]]) -> None:
    for packet in packets:
        packet.stream = target
        output.mux(packet)


class CopiedTrack:
    def __init__(self, output: OutputContainer, source: Stream) -> None:
        self.output = output
        # An opaque template copies codec parameters and the display matrix, never
        # metadata, and needs no encoder (there is none named after a decoder: libdav1d).
        self.target = output.add_stream_from_template(source, opaque=True)
        codec = source.codec_context.codec.canonical_name
        self.filter = (
            BitStreamFilterContext(_IN_BAND[codec], source, self.target)
            if codec in _IN_BAND
            else None
        )

    def take(self, packet: Packet[Stream]) -> None:
        if packet.dts is None:
            return  # the demuxer's end-of-stream marker
        _mux(self.output, self.target, self.filter.filter(packet) if self.filter else [packet])

    def finish(self) -> None:
        if self.filter is not None:
            _mux(self.output, self.target, self.filter.filter(None))


@dataclass(frozen=True)
class Picture:
    """The size to encode at (even numbers, for 4:2:0) and the display rotation."""

    width: int
    height: int
    rotation: int


def fit(width: int, height: int, max_edge: int) -> tuple[int, int]:
    scale = min(Fraction(1), Fraction(max_edge, max(width, height)))
    return max(2, round(width * scale) // 2 * 2), max(2, round(height * scale) // 2 * 2)


class EncodedVideoTrack:
    def __init__(self, output: OutputContainer, source: VideoStream, picture: Picture) -> None:
        self.output = output
        self.source = source
        self.picture = picture
        self.target = output.add_stream("libx264", rate=source.average_rate or 30)
        self.target.width, self.target.height = picture.width, picture.height
        self.target.pix_fmt = "yuv420p"
        self.target.options = dict(_H264_OPTIONS)
        # Frames keep the source's timestamps, so variable frame rates stay in sync.
        self.target.time_base = source.time_base
        if picture.rotation:
            self.target.set_display_rotation(picture.rotation)

    def take(self, packet: Packet[Stream]) -> None:
        # The end-of-stream marker is decoded too: it flushes the decoder's last frames.
        for frame in self.source.decode(packet):
            upright_size = frame.reformat(
                width=self.picture.width, height=self.picture.height, format="yuv420p"
            )
            _mux(self.output, self.target, self.target.encode(upright_size))

    def finish(self) -> None:
        _mux(self.output, self.target, self.target.encode(None))


class EncodedAudioTrack:
    def __init__(self, output: OutputContainer, source: AudioStream) -> None:
        self.output = output
        self.source = source
        self.target = output.add_stream("aac", rate=source.rate or 48_000)
        self.target.layout = "stereo" if source.channels > 1 else "mono"

    def take(self, packet: Packet[Stream]) -> None:
        for frame in self.source.decode(packet):
            # The encoder converts the samples and regroups them into AAC frames.
            _mux(self.output, self.target, self.target.encode(frame))

    def finish(self) -> None:
        _mux(self.output, self.target, self.target.encode(None))
