"""Which model class each payload kind is parsed with."""

KIND_MODELS = {
    "request": "CreateResponseRequest",
    "response": "Response",
    "error": "ErrorResponse",
    "event": "ResponseStreamEventPayload",
}
