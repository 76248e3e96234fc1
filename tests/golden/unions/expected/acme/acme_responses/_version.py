"""This package's version: the API version it binds, + a hash of its contents (responses-bindings)."""

__version__ = "1.0.0+he6b129d021ce"
API_VERSION = "1.0.0"
