"""What the image processor accepts, refuses and strips; pure, on bytes in memory."""

import io

import pytest
from PIL import ExifTags, Image

from mungmo.media.adapters import (
    GIF,
    JPEG,
    PNG,
    WEBP,
    EncodedImage,
    ImageProcessor,
    NotAnImage,
    TooManyPixels,
    sniff_image_type,
)
from tests.unit.media.pictures import (
    BLUE,
    RED,
    animated_gif,
    encoded,
    jpeg_with_gps,
    png_claiming_size,
    png_with_text_and_alpha,
    text_file,
    two_colour,
    webp_with_gps,
)

PROCESSOR = ImageProcessor(max_pixels=40_000_000, max_edge=4096, thumbnail_edge=320)


def opened(image: EncodedImage) -> Image.Image:
    return Image.open(io.BytesIO(image.data))


def assert_no_metadata(image: EncodedImage) -> None:
    decoded = opened(image)
    exif = decoded.getexif()
    assert dict(exif) == {}
    assert exif.get_ifd(ExifTags.IFD.GPSInfo) == {}
    assert b"Exif" not in image.data
    leaked = {"exif", "xmp", "icc_profile", "comment", "Comment", "XML:com.adobe.xmp"}
    assert leaked.isdisjoint(decoded.info)


def near(colour: tuple[int, ...], expected: tuple[int, int, int]) -> bool:
    return all(abs(a - b) < 40 for a, b in zip(colour[:3], expected, strict=True))


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (encoded(two_colour(8, 8), "JPEG"), JPEG),
        (encoded(two_colour(8, 8), "PNG"), PNG),
        (animated_gif(), GIF),
        (encoded(two_colour(8, 8), "WEBP"), WEBP),
    ],
)
def test_image_types_are_told_by_their_magic_bytes(data: bytes, expected: object) -> None:
    assert sniff_image_type(data) == expected


@pytest.mark.parametrize(
    "data",
    [
        b"",
        text_file(),
        b"<svg xmlns='http://www.w3.org/2000/svg'></svg>",
        b"<html><body>hi</body></html>",
        b"RIFF\x00\x00\x00\x00WAVEfmt ",
        b"%PDF-1.7\n",
        b"\xff\xd8",  # too short to be a JPEG
    ],
)
def test_anything_else_is_not_an_image_type(data: bytes) -> None:
    assert sniff_image_type(data) is None
    with pytest.raises(NotAnImage):
        PROCESSOR.process(data)


def test_a_photo_loses_exif_gps_and_comments_in_original_and_thumbnail() -> None:
    processed = PROCESSOR.process(jpeg_with_gps())
    assert processed.original.content_type == "image/jpeg"
    assert processed.thumbnail.content_type == "image/webp"
    assert_no_metadata(processed.original)
    assert_no_metadata(processed.thumbnail)
    assert (processed.original.width, processed.original.height) == (640, 480)
    assert opened(processed.original).size == (640, 480)
    assert opened(processed.thumbnail).size == (320, 240)


def test_the_exif_orientation_is_applied_so_photos_stay_upright() -> None:
    # Stored sideways (left red, right blue); orientation 6 says "turn 90° clockwise".
    processed = PROCESSOR.process(jpeg_with_gps(400, 200, orientation=6))
    original = opened(processed.original).convert("RGB")
    assert original.size == (200, 400)
    assert near(original.getpixel((100, 50)), RED)
    assert near(original.getpixel((100, 350)), BLUE)
    thumbnail = opened(processed.thumbnail).convert("RGB")
    assert thumbnail.size == (160, 320)
    assert near(thumbnail.getpixel((80, 20)), RED)
    assert "exif" not in opened(processed.original).info


def test_portrait_thumbnails_are_320_on_the_long_side() -> None:
    processed = PROCESSOR.process(encoded(two_colour(1200, 1600), "JPEG"))
    assert opened(processed.thumbnail).size == (240, 320)


def test_small_images_are_not_enlarged_for_the_thumbnail() -> None:
    processed = PROCESSOR.process(encoded(two_colour(100, 50), "PNG"))
    assert opened(processed.thumbnail).size == (100, 50)


def test_originals_larger_than_the_edge_limit_are_scaled_down() -> None:
    processor = ImageProcessor(max_pixels=40_000_000, max_edge=500, thumbnail_edge=320)
    processed = processor.process(encoded(two_colour(1000, 400), "JPEG"))
    assert (processed.original.width, processed.original.height) == (500, 200)
    assert opened(processed.original).size == (500, 200)


def test_png_keeps_transparency_and_loses_text_and_exif() -> None:
    processed = PROCESSOR.process(png_with_text_and_alpha())
    assert processed.original.content_type == "image/png"
    assert_no_metadata(processed.original)
    assert_no_metadata(processed.thumbnail)
    original = opened(processed.original)
    assert original.mode == "RGBA"
    assert original.getpixel((0, 0))[3] == 0
    assert opened(processed.thumbnail).mode == "RGBA"


def test_webp_loses_exif() -> None:
    processed = PROCESSOR.process(webp_with_gps())
    assert processed.original.content_type == "image/webp"
    assert_no_metadata(processed.original)


def test_an_animated_gif_becomes_its_first_frame_as_png() -> None:
    processed = PROCESSOR.process(animated_gif())
    assert processed.original.content_type == "image/png"
    first = opened(processed.original)
    assert getattr(first, "n_frames", 1) == 1
    assert near(first.convert("RGB").getpixel((10, 10)), RED)


def test_a_cmyk_jpeg_is_stored_as_rgb() -> None:
    processed = PROCESSOR.process(encoded(two_colour(64, 64).convert("CMYK"), "JPEG"))
    assert opened(processed.original).mode == "RGB"


def test_jpeg_magic_with_garbage_after_it_is_not_an_image() -> None:
    with pytest.raises(NotAnImage):
        PROCESSOR.process(b"\xff\xd8\xff\xe0" + b"not really a jpeg" * 100)


def test_a_truncated_jpeg_is_not_an_image() -> None:
    photo = jpeg_with_gps()
    with pytest.raises(NotAnImage):
        PROCESSOR.process(photo[: len(photo) // 2])


def test_a_png_with_a_jpeg_name_is_judged_by_content() -> None:
    # Renaming does not matter either way: the content decides the type.
    processed = PROCESSOR.process(encoded(two_colour(20, 20), "PNG"))
    assert processed.original.content_type == "image/png"


def test_more_pixels_than_allowed_are_refused_before_decoding() -> None:
    processor = ImageProcessor(max_pixels=10_000, max_edge=4096, thumbnail_edge=320)
    with pytest.raises(TooManyPixels):
        processor.process(encoded(two_colour(200, 100), "PNG"))
    processor.process(encoded(two_colour(100, 100), "PNG"))


@pytest.mark.parametrize(("width", "height"), [(8000, 6000), (50_000, 50_000)])
def test_a_forged_huge_header_is_refused_as_too_many_pixels(width: int, height: int) -> None:
    # Both above our 40 MP limit; the second also trips Pillow's own bomb check.
    with pytest.raises(TooManyPixels):
        PROCESSOR.process(png_claiming_size(width, height))
