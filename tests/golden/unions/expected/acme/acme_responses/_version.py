"""This package's version: the API version it binds, + a hash of its contents (responses-bindings)."""

__version__ = "1.0.0+hab9bcb3acac7"
API_VERSION = "1.0.0"
