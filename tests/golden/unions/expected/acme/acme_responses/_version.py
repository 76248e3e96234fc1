"""This package's version: the API version it binds, + a hash of its contents (responses-bindings)."""

__version__ = "1.0.0+hc91be55d9e92"
API_VERSION = "1.0.0"
