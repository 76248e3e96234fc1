"""This package's version: the API version it binds, + a hash of its contents (responses-bindings)."""

__version__ = "2026.5.19+h932ff364af73"
API_VERSION = "2026.5.19"
