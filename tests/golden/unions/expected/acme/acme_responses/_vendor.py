"""This vendor's facts, derived from spec/acme.yaml by responses-bindings; do not edit."""

VENDOR_ID = "acme"
TITLE = "Acme Responses API"
SERVER_URL = "https://acme.test"
RESPONSES_PATH = "/v1/responses"
API_KEY_ENV = "ACME_API_KEY"
AUTH_HEADER = "Authorization"
AUTH_PREFIX = "Bearer "
