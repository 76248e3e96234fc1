"""Which model each payload kind parses into."""

KIND_MODELS = {
    "request": "CreateResponseRequest",
    "response": "ResponseObject",
    "error": "ZhixinErrorBody",
    "event": "ResponseStreamEvent",
}
