"""This package's version: the API version it binds, + a hash of its contents (responses-bindings)."""

__version__ = "2026.5.19+ha86de9bf6e15"
API_VERSION = "2026.5.19"
