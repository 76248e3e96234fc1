"""This package's version: the API version it binds, + a hash of its contents (responses-bindings)."""

__version__ = "1.0.0+ha00bc3d13811"
API_VERSION = "1.0.0"
