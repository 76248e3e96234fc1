from enum import StrEnum


class ResponseErrorCode(StrEnum):
    EMPTY_IMAGE_FILE = "empty_image_file"
    FAILED_TO_DOWNLOAD_IMAGE = "failed_to_download_image"
    IMAGE_CONTENT_POLICY_VIOLATION = "image_content_policy_violation"
    IMAGE_FILE_NOT_FOUND = "image_file_not_found"
    IMAGE_FILE_TOO_LARGE = "image_file_too_large"
    IMAGE_PARSE_ERROR = "image_parse_error"
    IMAGE_TOO_LARGE = "image_too_large"
    IMAGE_TOO_SMALL = "image_too_small"
    INVALID_BASE64_IMAGE = "invalid_base64_image"
    INVALID_IMAGE = "invalid_image"
    INVALID_IMAGE_FORMAT = "invalid_image_format"
    INVALID_IMAGE_MODE = "invalid_image_mode"
    INVALID_IMAGE_URL = "invalid_image_url"
    INVALID_PROMPT = "invalid_prompt"
    RATE_LIMIT_EXCEEDED = "rate_limit_exceeded"
    SERVER_ERROR = "server_error"
    UNSUPPORTED_IMAGE_MEDIA_TYPE = "unsupported_image_media_type"
    VECTOR_STORE_TIMEOUT = "vector_store_timeout"

    def __str__(self) -> str:
        return str(self.value)
