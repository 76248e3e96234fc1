"""Which model each payload kind parses into."""

KIND_MODELS = {
    "request": "Request",
    "response": "Response",
    "error": "Error",
    "event": "Event",
}
