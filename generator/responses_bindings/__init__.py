"""responses-bindings: spec-first bindings for the /v1/responses APIs of LLM gateways."""

__version__ = "0.1.0"
