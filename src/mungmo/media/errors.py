"""The media service's domain errors: each has an HTTP status and a stable code."""

from mungmo.platform.errors import DomainError, Forbidden, NotFound


class MediaTooLarge(DomainError):
    status = 413
    code = "media.too_large"
    title = "The file is too large"


class UnsupportedMediaType(DomainError):
    status = 415
    code = "media.unsupported_type"
    title = "This kind of file is not accepted"


class ImageTooLarge(DomainError):
    status = 422
    code = "media.image_too_large"
    title = "The image has too many pixels"


class UnsupportedVideoCodec(DomainError):
    status = 415
    code = "media.unsupported_video_codec"
    title = "This video's format cannot be played in browsers"


class VideoTooLong(DomainError):
    status = 422
    code = "media.video_too_long"
    title = "The video is too long"


class VideoTooLarge(DomainError):
    status = 422
    code = "media.video_too_large"
    title = "The video's picture has too many pixels"


class RangeNotSatisfiable(DomainError):
    status = 416
    code = "media.range_not_satisfiable"
    title = "The requested range is outside the file"


class MediaNotFound(NotFound):
    code = "media.not_found"
    title = "No such file"


class NotMediaOwner(Forbidden):
    code = "media.not_owner"
    title = "Only the uploader can do this"


class AccountErased(Forbidden):
    code = "media.account_deleted"
    title = "This account was deleted"
