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


def synthesize_events(response: dict) -> list[dict]:
    """The event sequence a gateway would stream while producing `response`."""
    events: list[dict] = []

    def emit(kind: str, **fields) -> None:
        events.append({"type": kind, "sequence_number": len(events), **fields})

    pending = {k: v for k, v in copy.deepcopy(response).items() if k not in ("usage", "completed_at")}
    pending.update(status="in_progress", output=[])
    emit("response.created", response=pending)
    emit("response.in_progress", response=pending)
    for index, item in enumerate(response.get("output", [])):
        kind, item_id = item.get("type"), item.get("id", "")
        if kind == "message":
            emit("response.output_item.added", output_index=index, item={**item, "status": "in_progress", "content": []})
            for part_index, part in enumerate(item.get("content", [])):
                where = {"item_id": item_id, "output_index": index, "content_index": part_index}
                text_key, prefix = ("text", "response.output_text") if part["type"] == "output_text" else ("refusal", "response.refusal")
                empty = {**part, text_key: ""}
                if part["type"] == "output_text":
                    empty["annotations"] = []
                emit("response.content_part.added", **where, part=empty)
                for piece in _pieces(part[text_key]):
                    emit(f"{prefix}.delta", **where, delta=piece)
                emit(f"{prefix}.done", **where, **{text_key: part[text_key]})
                emit("response.content_part.done", **where, part=part)
        elif kind == "reasoning":
            emit("response.output_item.added", output_index=index, item={**item, "summary": []})
            for summary_index, summary in enumerate(item.get("summary", [])):
                where = {"item_id": item_id, "output_index": index, "summary_index": summary_index}
                for piece in _pieces(summary["text"]):
                    emit("response.reasoning_summary_text.delta", **where, delta=piece)
                emit("response.reasoning_summary_text.done", **where, text=summary["text"])
        elif kind == "function_call":
            emit("response.output_item.added", output_index=index, item={**item, "arguments": ""})
            where = {"item_id": item_id, "output_index": index}
            for piece in _pieces(item["arguments"]):
                emit("response.function_call_arguments.delta", **where, delta=piece)
            emit("response.function_call_arguments.done", **where, arguments=item["arguments"])
        else:
            emit("response.output_item.added", output_index=index, item=item)
        emit("response.output_item.done", output_index=index, item=item)
    emit(TERMINAL.get(response.get("status"), "response.completed"), response=response)
    return events


def cut_mid_event(body: bytes) -> bytes:
    """The stream `body` broken off halfway through the data of its middle event."""
    blocks = body.split(b"\n\n")
    middle = len(blocks) // 2
    head = b"".join(block + b"\n\n" for block in blocks[:middle])
    return head + blocks[middle][: len(blocks[middle]) // 2]
