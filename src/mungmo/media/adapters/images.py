"""How uploaded images are checked and re-encoded without metadata (Pillow)."""

import hashlib
import io
from dataclasses import dataclass
from functools import cache

from PIL import Image, ImageCms, ImageOps


@dataclass(frozen=True)
class ImageType:
    pillow_format: str
    content_type: str


JPEG = ImageType("JPEG", "image/jpeg")
PNG = ImageType("PNG", "image/png")
GIF = ImageType("GIF", "image/gif")
WEBP = ImageType("WEBP", "image/webp")


def sniff_image_type(data: bytes) -> ImageType | None:
    """The image type told by the magic bytes; file names and the client's
    Content-Type are never trusted."""
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return GIF
    if len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return WEBP
    return None


class ImageRejected(Exception):
    """The upload is not an image the service accepts."""


class NotAnImage(ImageRejected):
    """Not a JPEG, PNG, WebP or GIF, or it does not decode as one."""


class TooManyPixels(ImageRejected):
    """More pixels than allowed (also how decompression bombs look)."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"images may have at most {limit:,} pixels")


@dataclass(frozen=True)
class EncodedImage:
    data: bytes
    content_type: str
    extension: str
    width: int
    height: int

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass(frozen=True)
class ProcessedImage:
    original: EncodedImage
    thumbnail: EncodedImage


# Output per input type: photos stay JPEG, GIF keeps its first frame as PNG.
_OUTPUT = {
    "JPEG": ("JPEG", "image/jpeg", "jpg"),
    "PNG": ("PNG", "image/png", "png"),
    "GIF": ("PNG", "image/png", "png"),
    "WEBP": ("WEBP", "image/webp", "webp"),
}


@cache
def _srgb() -> ImageCms.ImageCmsProfile:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


@dataclass(frozen=True)
class ImageProcessor:
    """Decodes an upload completely, turns it upright, converts it to sRGB and
    re-encodes it with no metadata at all (EXIF, GPS, XMP, ICC, comments), plus a
    WebP thumbnail. CPU-bound: run it in a worker thread."""

    max_pixels: int
    max_edge: int
    thumbnail_edge: int

    def process(self, data: bytes) -> ProcessedImage:
        kind = sniff_image_type(data)
        if kind is None:
            raise NotAnImage("the content is not a JPEG, PNG, WebP or GIF image")
        try:
            with Image.open(io.BytesIO(data), formats=[kind.pillow_format]) as source:
                width, height = source.size
                if width < 1 or height < 1:
                    raise NotAnImage("the image has no pixels")
                # The header tells the size before anything is decoded (bomb guard).
                if width * height > self.max_pixels:
                    raise TooManyPixels(self.max_pixels)
                source.seek(0)  # the first frame of an animation
                source.load()
                clean = _clean_pixels(source)
        except ImageRejected:
            raise
        except Image.DecompressionBombError as error:
            raise TooManyPixels(self.max_pixels) from error
        except Exception as error:
            # Anything a decoder raises on hostile or broken input means: not an image.
            raise NotAnImage("the image data cannot be decoded") from error
        return _with_thumbnail(
            clean, _OUTPUT[kind.pillow_format], self.max_edge, self.thumbnail_edge
        )


def poster_images(frame: Image.Image, *, max_edge: int, thumbnail_edge: int) -> ProcessedImage:
    """A video's poster (JPEG) and its WebP thumbnail from one decoded frame; a frame
    carries no metadata, and none is written."""
    image = frame.convert("RGB")
    image.info = {}
    return _with_thumbnail(image, ("JPEG", "image/jpeg", "jpg"), max_edge, thumbnail_edge)


def _with_thumbnail(
    clean: Image.Image, output: tuple[str, str, str], max_edge: int, thumbnail_edge: int
) -> ProcessedImage:
    if max(clean.size) > max_edge:
        clean.thumbnail((max_edge, max_edge), Image.Resampling.LANCZOS)
    pillow_format, content_type, extension = output
    original = _encode(clean, pillow_format, content_type, extension)
    small = clean.copy()
    small.thumbnail((thumbnail_edge, thumbnail_edge), Image.Resampling.LANCZOS)
    thumbnail = _encode(small, "WEBP", "image/webp", "webp")
    return ProcessedImage(original=original, thumbnail=thumbnail)


def _clean_pixels(source: Image.Image) -> Image.Image:
    """Upright sRGB pixels in L, LA, RGB or RGBA, with every metadata field dropped."""
    icc = source.info.get("icc_profile")
    try:
        upright = ImageOps.exif_transpose(source) or source
    except Exception:
        # A damaged EXIF block should not refuse a photo that decodes fine.
        upright = source
    image = _to_srgb(upright, icc) if icc else upright
    if image.mode == "P":
        image = image.convert("RGBA" if image.has_transparency_data else "RGB")
    elif image.mode == "1":
        image = image.convert("L")
    elif image.mode not in ("L", "LA", "RGB", "RGBA"):
        image = image.convert("RGBA" if image.has_transparency_data else "RGB")
    if image is source:
        image = image.copy()
    image.info = {}
    return image


def _to_srgb(image: Image.Image, icc: bytes) -> Image.Image:
    """Colours as the camera meant them once the profile is dropped; a profile that
    cannot be read is ignored."""
    if image.mode not in ("RGB", "RGBA", "CMYK"):
        return image
    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        converted = ImageCms.profileToProfile(
            image, profile, _srgb(), outputMode="RGBA" if image.mode == "RGBA" else "RGB"
        )
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return image
    return converted or image


_ENCODER_OPTIONS: dict[str, dict[str, object]] = {
    "JPEG": {"quality": 88, "optimize": True},
    "PNG": {},
    "WEBP": {"quality": 85, "method": 4},
}


def _encode(image: Image.Image, pillow_format: str, content_type: str, ext: str) -> EncodedImage:
    if pillow_format == "JPEG" and image.mode not in ("L", "RGB"):
        image = image.convert("RGB")
    if pillow_format == "WEBP" and image.mode not in ("RGB", "RGBA"):
        image = image.convert("RGBA" if image.mode == "LA" else "RGB")
    options = _ENCODER_OPTIONS[pillow_format]
    buffer = io.BytesIO()
    image.save(buffer, format=pillow_format, **options)
    width, height = image.size
    return EncodedImage(
        data=buffer.getvalue(),
        content_type=content_type,
        extension=ext,
        width=width,
        height=height,
    )
