"""This package's version: the API version it binds, + a hash of its contents (responses-bindings)."""

__version__ = "2026.4.3+h35e77b4893a6"
API_VERSION = "2026.4.3"
