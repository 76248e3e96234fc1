"""This package's version: the API version it binds, + a hash of its contents (responses-bindings)."""

__version__ = "1.0.0+h26dc3c3b4b2a"
API_VERSION = "1.0.0"
