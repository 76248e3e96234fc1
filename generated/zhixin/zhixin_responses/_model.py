"""The base class of every generated model (datamodel-codegen `--base-class`)."""

from pydantic import BaseModel, ConfigDict


class Model(BaseModel):
    """A pydantic model that writes fields under their wire names.

    A field whose wire name shadows a BaseModel attribute gets a Python name with an alias
    (`schema_` for `schema`); `model_dump()` would write the Python name back out, so every
    model serializes by alias.
    """

    model_config = ConfigDict(serialize_by_alias=True)
