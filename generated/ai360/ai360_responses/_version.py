"""This package's version: the API version it binds, + a hash of its contents (responses-bindings)."""

__version__ = "2026.4.3+hfb8b3b66c432"
API_VERSION = "2026.4.3"
