"""Test images made with Pillow on the fly (no binary fixtures in the repository)."""

import io
import struct
import zlib

from PIL import ExifTags, Image, ImageCms

RED = (255, 0, 0)
BLUE = (0, 0, 255)

# 경복궁, written as degrees, minutes, seconds like a phone camera does.
GPS_LATITUDE = (37.0, 34.0, 43.0)
GPS_LONGITUDE = (126.0, 58.0, 37.0)


def camera_exif(*, orientation: int | None = None) -> Image.Exif:
    """EXIF as a phone writes it: camera, time, and where the photo was taken."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "MungCam"
    exif[ExifTags.Base.Model] = "Pocket 7"
    exif[ExifTags.Base.DateTime] = "2026:05:05 10:20:30"
    if orientation is not None:
        exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = GPS_LATITUDE
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = GPS_LONGITUDE
    return exif


def two_colour(width: int, height: int, mode: str = "RGB") -> Image.Image:
    """Left half red, right half blue: shows which way an image was turned."""
    image = Image.new("RGB", (width, height), RED)
    image.paste(BLUE, (width // 2, 0, width, height))
    return image if mode == "RGB" else image.convert(mode)


def jpeg_with_gps(width: int = 640, height: int = 480, *, orientation: int | None = None) -> bytes:
    buffer = io.BytesIO()
    two_colour(width, height).save(
        buffer,
        "JPEG",
        quality=90,
        exif=camera_exif(orientation=orientation),
        comment=b"taken at home",
        icc_profile=srgb_profile(),
    )
    return buffer.getvalue()


def srgb_profile() -> bytes:
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
    return profile.tobytes()


def encoded(image: Image.Image, image_format: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, image_format, **options)
    return buffer.getvalue()


def png_with_text_and_alpha(width: int = 200, height: int = 100) -> bytes:
    from PIL import PngImagePlugin

    image = two_colour(width, height, "RGBA")
    image.putpixel((0, 0), (0, 0, 0, 0))
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "my address is here")
    return encoded(image, "PNG", pnginfo=info, exif=camera_exif())


def animated_gif() -> bytes:
    frames = [Image.new("RGB", (50, 40), colour) for colour in (RED, BLUE, (0, 255, 0))]
    buffer = io.BytesIO()
    frames[0].save(buffer, "GIF", save_all=True, append_images=frames[1:], duration=100)
    return buffer.getvalue()


def webp_with_gps() -> bytes:
    return encoded(two_colour(300, 200), "WEBP", exif=camera_exif(), quality=90)


def png_claiming_size(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims ``width`` × ``height``: a decompression bomb's shape."""
    data = bytearray(encoded(Image.new("L", (1, 1)), "PNG"))
    # The IHDR chunk follows the 8-byte signature: length, type, 13 bytes of data, CRC.
    ihdr = bytes(data[12:29])
    forged = b"IHDR" + struct.pack(">II", width, height) + ihdr[12:]
    data[12:29] = forged
    data[29:33] = struct.pack(">I", zlib.crc32(forged))
    return bytes(data)


def text_file() -> bytes:
    return "이건 사진이 아니라 글입니다. Just some text renamed to .jpg\n".encode()
