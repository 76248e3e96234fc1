"""This package's version: the API version it binds, + a hash of its contents (responses-bindings)."""

__version__ = "2026.5.19+he3ec625e55c9"
API_VERSION = "2026.5.19"
