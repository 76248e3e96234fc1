"""The event stream a gateway sends while it produces a response, synthesized from that response."""

from __future__ import annotations

import copy
import json
import re

TERMINAL = {"completed": "response.completed", "failed": "response.failed", "incomplete": "response.incomplete"}


def sse_block(event: dict) -> bytes:
    """One server-sent event block for `event`: its `event:` line, its `data:` line, a blank line."""
    return f"event: {event['type']}\ndata: {json.dumps(event, ensure_ascii=False)}\n\n".encode()


def _pieces(text: str) -> list[str]:
    """Token-like deltas: up to four non-space characters and their trailing space."""
    return re.findall(r"\S{1,4}\s*|\s+", text) or [text]


# What a response object carries before it completes: OpenAI's required-but-nullable fields as null.
IN_PROGRESS = {"status": "in_progress", "output": [], "usage": None, "completed_at": None, "error": None, "incomplete_details": None}


def in_progress(response: dict) -> dict:
    """`response` as `response.created` / `response.in_progress` carry it: every field it will have,
    those it cannot know yet as null (never left out: a real gateway sends `"usage": null`)."""
    return {**copy.deepcopy(response), **IN_PROGRESS}


def synthesize_events(response: dict) -> list[dict]:
    """The event sequence a gateway streams while producing `response`, in the order OpenAI's
    upstream emits it: created, in_progress, then per output item added → its parts (summary
    parts around summary text, content parts around text with `logprobs: []`) → done, then the
    terminal event."""
    events: list[dict] = []

    def emit(kind: str, **fields) -> None:
        events.append({"type": kind, "sequence_number": len(events), **fields})

    pending = in_progress(response)
    emit("response.created", response=pending)
    emit("response.in_progress", response=pending)
    for index, item in enumerate(response.get("output", [])):
        kind, item_id = item.get("type"), item.get("id", "")
        if kind == "message":
            _message(emit, index, item_id, item)
        elif kind == "reasoning":
            _reasoning(emit, index, item_id, item)
        elif kind == "function_call":
            emit("response.output_item.added", output_index=index, item={**item, "arguments": "", "status": "in_progress"})
            where = {"item_id": item_id, "output_index": index}
            for piece in _pieces(item["arguments"]):
                emit("response.function_call_arguments.delta", **where, delta=piece)
            emit("response.function_call_arguments.done", **where, arguments=item["arguments"])
        else:
            emit("response.output_item.added", output_index=index, item=item)
        emit("response.output_item.done", output_index=index, item=item)
    emit(TERMINAL.get(response.get("status"), "response.completed"), response=response)
    return events


def _message(emit, index: int, item_id: str, item: dict) -> None:
    emit("response.output_item.added", output_index=index, item={**item, "status": "in_progress", "content": []})
    for part_index, part in enumerate(item.get("content", [])):
        where = {"item_id": item_id, "output_index": index, "content_index": part_index}
        if part["type"] == "output_text":
            text_key, prefix, extra = "text", "response.output_text", {"logprobs": []}
            empty = {**part, "text": "", "annotations": [], "logprobs": []}
        else:
            text_key, prefix, extra = "refusal", "response.refusal", {}
            empty = {**part, "refusal": ""}
        emit("response.content_part.added", **where, part=empty)
        for piece in _pieces(part[text_key]):
            emit(f"{prefix}.delta", **where, delta=piece, **extra)
        emit(f"{prefix}.done", **where, **{text_key: part[text_key]}, **extra)
        emit("response.content_part.done", **where, part=part)


def _reasoning(emit, index: int, item_id: str, item: dict) -> None:
    emit("response.output_item.added", output_index=index, item={**item, "summary": []})
    for summary_index, summary in enumerate(item.get("summary") or []):
        where = {"item_id": item_id, "output_index": index, "summary_index": summary_index}
        emit("response.reasoning_summary_part.added", **where, part={"type": "summary_text", "text": ""})
        for piece in _pieces(summary["text"]):
            emit("response.reasoning_summary_text.delta", **where, delta=piece)
        emit("response.reasoning_summary_text.done", **where, text=summary["text"])
        emit("response.reasoning_summary_part.done", **where, part={"type": "summary_text", "text": summary["text"]})


def cut_mid_event(body: bytes) -> bytes:
    """The stream `body` broken off halfway through the data of its middle event."""
    blocks = body.split(b"\n\n")
    middle = len(blocks) // 2
    head = b"".join(block + b"\n\n" for block in blocks[:middle])
    return head + blocks[middle][: len(blocks[middle]) // 2]
