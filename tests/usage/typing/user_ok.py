"""A user's program, written as openai-python's users write theirs: it must type-check clean
(pyright, in tests/test_typing.py) and run against the mock gateway at $RESPONSES_BASE_URL."""

from __future__ import annotations

import asyncio
import os

import ai360_responses
import zhixin_responses as zx
from zhixin_responses.params import EasyInputMessageParam, FunctionToolParam, ResponseCreateParams

BASE_URL = os.environ["RESPONSES_BASE_URL"]


def plain_call(client: zx.Client) -> zx.Response:
    message: EasyInputMessageParam = {"role": "user", "content": "Hello"}
    tool: FunctionToolParam = {"type": "function", "name": "lookup", "parameters": {"type": "object"}}
    response = client.responses.create(
        model="qwen-plus", input=[message], tools=[tool], temperature=0.5, max_tokens=64, enable_thinking=False
    )
    assert response.status == "completed" and not response.error and response.incomplete_details is None
    text: str = response.output_text
    parts: list[str] = []
    for item in response.output or []:  # the spec lets a gateway send `output: null`
        if item.type == "message":
            parts += [part.text for part in item.content if part.type == "output_text"]
        elif item.type == "reasoning":
            print("thought about:", [summary.text for summary in item.summary])
    assert "".join(parts) == text
    if response.usage is not None:
        print("tokens:", response.usage.total_tokens)
    print("metadata k:", response.metadata.get("k") if response.metadata else None)
    return response


def streamed_call(client: zx.Client) -> str:
    deltas: list[str] = []
    with client.responses.create(model="qwen-plus", input="Hi", stream=True) as stream:
        for event in stream:
            if event.type == "response.output_text.delta":
                deltas.append(event.delta)
            elif event.type == "response.completed":
                print("\ncompleted:", event.response.id)
    final = stream.final_response
    assert final is not None and final.output_text == "".join(deltas)
    return final.output_text


def request_from_a_dict(client: zx.Client) -> zx.Response:
    request: ResponseCreateParams = {"model": "qwen-plus", "input": "Hi", "max_tokens": 16}
    return client.responses.create(**request, extra_body={"x_trace": "t-1"}, timeout=10.0)


async def async_calls() -> str:
    async with zx.AsyncClient(base_url=BASE_URL + "/v1") as client:  # written the openai way, too
        response = await client.responses.create(model="qwen-plus", input="Hi")
        stream = await client.responses.create(model="qwen-plus", input="Hi", stream=True)
        async with stream:
            types = [event.type async for event in stream]
        assert types[-1] == "response.completed"
        return response.output_text


def main() -> None:
    with zx.Client(base_url=BASE_URL, max_retries=1) as client:
        response = plain_call(client)
        assert streamed_call(client) == response.output_text
        assert request_from_a_dict(client).id == response.id
        try:
            client.responses.create(model="qwen-plus", input="Hi", temperature=5.0)
        except zx.PayloadError as exc:
            print("refused before sending:", [issue.pointer for issue in exc.issues])
    assert asyncio.run(async_calls()) == response.output_text
    parsed = zx.parse(response.to_json(), kind="response")
    assert isinstance(parsed, zx.Response) and parsed.to_dict() == response.to_dict()
    assert zx.validate(response.to_dict(), kind="response") == []
    other = ai360_responses.Client(api_key="k", base_url=BASE_URL)
    assert other.url.endswith("/v1/responses")
    print("ok")


if __name__ == "__main__":
    main()
