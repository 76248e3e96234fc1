"""The one exception hierarchy of the package: status, timeout, connection, validation, failed.

Messages are built from what the server said; the client redacts its API key from every
answer before it becomes anything, so a key never reaches `str()`, `repr()`, `body` or a log
line. Quoted server text is clipped, so a message stays readable whatever the server sends.
"""

from __future__ import annotations

from collections.abc import Mapping

from ._json import decode, preview

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "InternalServerError",
    "NotFoundError",
    "OutcomeUnknownError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseFailedError",
    "ResponseTooLargeError",
    "ResponseValidationError",
    "ResponsesError",
    "StreamInterruptedError",
    "UnprocessableEntityError",
]


MESSAGE_CHARS = 1000  # the most of a server's text an error message quotes
ERROR_TEXT_CHARS = 10_000  # the longest message an APIError carries
SHOWN_ISSUES = 20  # problems a ResponseValidationError message lists (`issues` has them all)


def clipped(text: str, limit: int = MESSAGE_CHARS) -> str:
    """`text`, cut to `limit` characters with a note of how much was left out."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… [{len(text) - limit:,} more characters]"


class ResponsesError(Exception):
    """Base class of every error this package raises."""


class APIError(ResponsesError):
    """An error about one HTTP exchange; `request_id` when the server gave one."""

    def __init__(self, message: str, request_id: str | None = None):
        message = clipped(message, ERROR_TEXT_CHARS)
        super().__init__(message)
        self.message, self.request_id = message, request_id


class APIConnectionError(APIError):
    """The server could not be reached, or the connection broke."""


class APITimeoutError(APIConnectionError):
    """The request took longer than the client's timeout (nothing of an answer had arrived)."""


class OutcomeUnknownError(APIConnectionError):
    """Part of an answer arrived, then the connection broke or the timeout passed (`timed_out`).

    The server may have carried out the request (and billed it), so it is not sent again.
    """

    def __init__(self, message: str, request_id: str | None = None, *, timed_out: bool = False):
        super().__init__(message, request_id)
        self.timed_out = timed_out


class ResponseTooLargeError(APIError):
    """An answer larger than the client's `max_response_bytes` (after decompression); `limit` is that."""

    def __init__(self, message: str, request_id: str | None = None, *, limit: int):
        super().__init__(message, request_id)
        self.limit = limit


class StreamInterruptedError(APIConnectionError):
    """An event stream ended (or broke) before its terminal event."""


class ResponseValidationError(APIError):
    """A 2xx body (or stream event) that is not JSON or does not fit the spec; `issues` says where.

    What was received is kept: `body` (the raw bytes of the body, or of the stream event's
    data), `status_code`, `headers` and `request_id`.
    """

    def __init__(self, message: str, issues: list, status_code: int, request_id: str | None = None, *,
                 body: bytes = b"", headers: Mapping[str, str] | None = None):
        lines = "".join(f"\n  {clipped(str(issue), 300)}" for issue in issues[:SHOWN_ISSUES])
        more = len(issues) - SHOWN_ISSUES
        more_text = f"\n  ... and {more} more" if more > 0 else ""
        super().__init__(f"{message} ({len(issues)} problem(s)):{lines}{more_text}", request_id)
        self.issues, self.status_code, self.body, self.headers = issues, status_code, body, dict(headers or {})


class APIStatusError(APIError):
    """A non-2xx answer: `status_code`, the vendor's error `code` and message, the raw `body`."""

    def __init__(self, message: str, *, status_code: int, code: str | None, body: object, request_id: str | None):
        message, code = clipped(message), code and clipped(code, 200)
        label = f"{status_code} {code}" if code else str(status_code)
        suffix = f" (request id {request_id})" if request_id else ""
        super().__init__(f"{label}: {message}{suffix}", request_id)
        self.message, self.status_code, self.code, self.body = message, status_code, code, body


class BadRequestError(APIStatusError):
    """HTTP 400."""


class AuthenticationError(APIStatusError):
    """HTTP 401."""


class PermissionDeniedError(APIStatusError):
    """HTTP 403."""


class NotFoundError(APIStatusError):
    """HTTP 404."""


class ConflictError(APIStatusError):
    """HTTP 409."""


class UnprocessableEntityError(APIStatusError):
    """HTTP 422."""


class RateLimitError(APIStatusError):
    """HTTP 429."""


class InternalServerError(APIStatusError):
    """HTTP 5xx."""


class ResponseFailedError(ResponsesError):
    """Raised by `Response.raise_for_status()` for a response whose `status` is `failed`."""

    def __init__(self, response):
        error = getattr(response, "error", None)
        self.code = getattr(error, "code", None)
        self.message = clipped(getattr(error, "message", None) or "the response failed without an error message")
        self.response = response
        super().__init__(clipped(f"response {response.id} failed: {self.code or 'error'}: {self.message}", ERROR_TEXT_CHARS))


_STATUS_CLASSES = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def error_fields(body: object) -> tuple[str | None, str | None, str | None]:
    """(code, message, request_id) of an OpenAI envelope or a DashScope `{request_id, code, message}`."""
    if not isinstance(body, dict):
        return None, None, None
    envelope = body.get("error")
    inner: dict = envelope if isinstance(envelope, dict) else body
    code = inner.get("code") if inner.get("code") is not None else inner.get("type")
    message = inner.get("message")
    request_id = body.get("request_id")
    return (
        None if code is None else str(code),
        None if message is None else str(message),
        request_id if isinstance(request_id, str) else None,
    )


def status_error(status_code: int, content: bytes, header_request_id: str | None, redact) -> APIStatusError:
    """The typed error for a non-2xx answer; `redact` scrubs the API key from server text."""
    try:
        body: object = decode(content)
    except ValueError:  # not JSON (or nested too deeply to be an error body): keep the text
        body = content.decode("utf-8", "replace")
    code, message, body_request_id = error_fields(body)
    if message is None:
        message = (body[:500] if isinstance(body, str) else preview(body, 500)) or "(empty body)"
    cls = _STATUS_CLASSES.get(status_code, InternalServerError if status_code >= 500 else APIStatusError)
    return cls(
        redact(message),
        status_code=status_code,
        code=None if code is None else redact(code),
        body=body,
        request_id=header_request_id or body_request_id,
    )
