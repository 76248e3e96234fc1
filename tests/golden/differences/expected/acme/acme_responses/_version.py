"""This package's version: the API version it binds, + a hash of its contents (responses-bindings)."""

__version__ = "1.0.0+hd20b32468e2b"
API_VERSION = "1.0.0"
