"""This vendor's facts, derived from spec/zhixin.yaml by responses-bindings; do not edit."""

VENDOR_ID = "zhixin"
TITLE = "智信AI Responses API"
SERVER_URL = "https://ai.interwestinfo.com"
RESPONSES_PATH = "/v1/responses"
API_KEY_ENV = "ZHIXIN_API_KEY"
AUTH_HEADER = "Authorization"
AUTH_PREFIX = ""
