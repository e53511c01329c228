"""The video containers the service accepts, told apart by their first bytes, and the
codecs browsers play in each."""

from dataclasses import dataclass


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
