"""The base class of every generated model (datamodel-codegen `--base-class`)."""

from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict


class Model(BaseModel):
    """A pydantic model that writes fields under their wire names.

    A field whose wire name shadows a BaseModel attribute gets a Python name with an alias
    (`schema_` for `schema`); `model_dump()` would write the Python name back out, so every
    model serializes by alias. An optional field that was absent reads as `None`;
    `to_dict()` / `to_json()` leave such fields out, so they give back what was on the wire.
    """

    model_config = ConfigDict(serialize_by_alias=True)

    @property
    def validation_issues(self) -> list[Any]:
        """The `Issue`s found where this object deviates from the spec ([] when it fits; see
        `validation=`). Parts that did not fit are kept as they were sent."""
        return list((self.__pydantic_private__ or {}).get("_validation_issues", ()))

    def _record(self, issues: list[Any], kept_as_sent: bool) -> None:
        """Note what `parse()` found (library use): the issues, and whether parts were kept as sent."""
        private = self.__pydantic_private__
        if private is None:
            private = {}
            object.__setattr__(self, "__pydantic_private__", private)
        private.update(_validation_issues=list(issues), _kept_as_sent=kept_as_sent)

    def _writes_back_as_sent(self) -> bool:
        return bool((self.__pydantic_private__ or {}).get("_kept_as_sent"))

    # An object kept as sent (validation "warn"/"off") holds values its field types do not
    # describe; writing them back is the point, so pydantic's warnings about them are off.
    def model_dump(self, **kwargs: Any) -> dict[str, Any]:
        kwargs.setdefault("warnings", not self._writes_back_as_sent())
        return super().model_dump(**kwargs)

    def model_dump_json(self, **kwargs: Any) -> str:
        kwargs.setdefault("warnings", not self._writes_back_as_sent())
        return super().model_dump_json(**kwargs)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data of the fields that were set (`model_dump(mode="json", exclude_unset=True)`)."""
        return self.model_dump(mode="json", exclude_unset=True)

    def to_json(self, indent: int | None = 2) -> str:
        """JSON text of the fields that were set."""
        return self.model_dump_json(indent=indent, exclude_unset=True)


class UnknownEvent(Model):
    """A stream event whose `type` the spec does not document; every field is kept as an attribute."""

    model_config = ConfigDict(extra="allow")
    type: str

    if TYPE_CHECKING:  # its other fields are whatever the server sent

        def __getattr__(self, name: str) -> Any: ...
