"""Outside systems of the media service: where the bytes live (``MediaStorage``) and how
uploads are checked and re-encoded (Pillow for images, PyAV for videos)."""

from mungmo.media.adapters.images import (
    GIF,
    JPEG,
    PNG,
    WEBP,
    EncodedImage,
    ImageProcessor,
    ImageRejected,
    ImageType,
    NotAnImage,
    ProcessedImage,
    TooManyPixels,
    poster_images,
    sniff_image_type,
)
from mungmo.media.adapters.storage import LocalDiskStorage, MediaStorage
from mungmo.media.adapters.video_types import MOV, MP4, WEBM, VideoType, sniff_video_type
from mungmo.media.adapters.videos import (
    EncodedVideo,
    NotAVideo,
    ProcessedVideo,
    UnplayableCodec,
    VideoProcessor,
    VideoRejected,
    VideoTooLong,
    VideoTooManyPixels,
)

__all__ = [
    "GIF",
    "JPEG",
    "MOV",
    "MP4",
    "PNG",
    "WEBM",
    "WEBP",
    "EncodedImage",
    "EncodedVideo",
    "ImageProcessor",
    "ImageRejected",
    "ImageType",
    "LocalDiskStorage",
    "MediaStorage",
    "NotAVideo",
    "NotAnImage",
    "ProcessedImage",
    "ProcessedVideo",
    "TooManyPixels",
    "UnplayableCodec",
    "VideoProcessor",
    "VideoRejected",
    "VideoTooLong",
    "VideoTooManyPixels",
    "VideoType",
    "poster_images",
    "sniff_image_type",
    "sniff_video_type",
]
