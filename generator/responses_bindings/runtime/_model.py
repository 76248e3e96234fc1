"""The base class of every generated model (datamodel-codegen `--base-class`)."""

from typing import Any

from pydantic import BaseModel, ConfigDict


class Model(BaseModel):
    """A pydantic model that writes fields under their wire names.

    A field whose wire name shadows a BaseModel attribute gets a Python name with an alias
    (`schema_` for `schema`); `model_dump()` would write the Python name back out, so every
    model serializes by alias. An optional field that was absent reads as `None`;
    `to_dict()` / `to_json()` leave such fields out, so they give back what was on the wire.
    """

    model_config = ConfigDict(serialize_by_alias=True)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data of the fields that were set (`model_dump(mode="json", exclude_unset=True)`)."""
        return self.model_dump(mode="json", exclude_unset=True)

    def to_json(self, indent: int | None = 2) -> str:
        """JSON text of the fields that were set."""
        return self.model_dump_json(indent=indent, exclude_unset=True)
