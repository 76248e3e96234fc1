"""This vendor's facts, derived from spec/ai360.yaml by responses-bindings; do not edit."""

VENDOR_ID = "ai360"
TITLE = "360 AI Responses API"
SERVER_URL = "https://api.360.cn"
RESPONSES_PATH = "/v1/responses"
API_KEY_ENV = "AI360_API_KEY"
AUTH_HEADER = "Authorization"
AUTH_PREFIX = "Bearer "
