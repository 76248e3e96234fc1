"""Which model each payload kind parses into."""

KIND_MODELS = {
    "request": "CreateResponseRequest",
    "response": "ResponseObject",
    "error": "ErrorResponse",
    "event": "ResponseStreamEvent",
}
