from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
    from ..models.container_file_citation import ContainerFileCitation
    from ..models.file_citation import FileCitation
    from ..models.file_path import FilePath
    from ..models.logprob import Logprob
    from ..models.url_citation import URLCitation


T = TypeVar("T", bound="ResponseOutputText")


@_attrs_define
class ResponseOutputText:
    """A text output from the model (OpenAI `ResponseOutputText`). `logprobs` is optional: 360's documented example omits
    it.

        Attributes:
            type_ (Literal['output_text']): The type of the output text. Always `output_text`.
            text (str): The text output from the model.
            annotations (list[ContainerFileCitation | FileCitation | FilePath | URLCitation]): The annotations of the text
                output.
            logprobs (list[Logprob] | None | Unset): The log probabilities of the output tokens, when requested.
    """

    type_: Literal["output_text"]
    text: str
    annotations: list[ContainerFileCitation | FileCitation | FilePath | URLCitation]
    logprobs: list[Logprob] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.container_file_citation import ContainerFileCitation  # noqa: PLC0415
        from ..models.file_citation import FileCitation  # noqa: PLC0415
        from ..models.file_path import FilePath  # noqa: PLC0415
        from ..models.logprob import Logprob  # noqa: PLC0415
        from ..models.url_citation import URLCitation  # noqa: PLC0415

        type_ = self.type_

        text = self.text

        annotations = []
        for annotations_item_data in self.annotations:
            annotations_item: dict[str, Any]
            if isinstance(annotations_item_data, FileCitation):
                annotations_item = annotations_item_data.to_dict()
            elif isinstance(annotations_item_data, URLCitation):
                annotations_item = annotations_item_data.to_dict()
            elif isinstance(annotations_item_data, ContainerFileCitation):
                annotations_item = annotations_item_data.to_dict()
            else:
                annotations_item = annotations_item_data.to_dict()

            annotations.append(annotations_item)

        logprobs: list[dict[str, Any]] | None | Unset
        if isinstance(self.logprobs, Unset):
            logprobs = UNSET
        elif isinstance(self.logprobs, list):
            logprobs = []
            for logprobs_type_0_item_data in self.logprobs:
                logprobs_type_0_item = logprobs_type_0_item_data.to_dict()
                logprobs.append(logprobs_type_0_item)

        else:
            logprobs = self.logprobs

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "text": text,
                "annotations": annotations,
            }
        )
        if logprobs is not UNSET:
            field_dict["logprobs"] = logprobs

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.container_file_citation import ContainerFileCitation  # noqa: PLC0415
        from ..models.file_citation import FileCitation  # noqa: PLC0415
        from ..models.file_path import FilePath  # noqa: PLC0415
        from ..models.logprob import Logprob  # noqa: PLC0415
        from ..models.url_citation import URLCitation  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["output_text"], d.pop("type"))
        if type_ != "output_text":
            raise ValueError(f"type must match const 'output_text', got '{type_}'")

        text = d.pop("text")

        annotations = []
        _annotations = d.pop("annotations")
        for annotations_item_data in _annotations:

            def _parse_annotations_item(
                data: object,
            ) -> ContainerFileCitation | FileCitation | FilePath | URLCitation:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_annotation_type_0 = FileCitation.from_dict(data)

                    return componentsschemas_annotation_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_annotation_type_1 = URLCitation.from_dict(data)

                    return componentsschemas_annotation_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_annotation_type_2 = (
                        ContainerFileCitation.from_dict(data)
                    )

                    return componentsschemas_annotation_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_annotation_type_3 = FilePath.from_dict(data)

                return componentsschemas_annotation_type_3

            annotations_item = _parse_annotations_item(annotations_item_data)

            annotations.append(annotations_item)

        def _parse_logprobs(data: object) -> list[Logprob] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                logprobs_type_0 = []
                _logprobs_type_0 = data
                for logprobs_type_0_item_data in _logprobs_type_0:
                    logprobs_type_0_item = Logprob.from_dict(logprobs_type_0_item_data)

                    logprobs_type_0.append(logprobs_type_0_item)

                return logprobs_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Logprob] | None | Unset, data)

        logprobs = _parse_logprobs(d.pop("logprobs", UNSET))

        response_output_text = cls(
            type_=type_,
            text=text,
            annotations=annotations,
            logprobs=logprobs,
        )

        response_output_text.additional_properties = d
        return response_output_text

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
