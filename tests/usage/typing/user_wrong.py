"""Wrong usages: pyright must report an error on each line marked `# expect-error` and on no
other line (tests/test_typing.py). Never run."""

from __future__ import annotations

import zhixin_responses as zx
from zhixin_responses.params import EasyInputMessageParam

client = zx.Client(api_key="k")
client.responses.create(model=5, input="hi")  # expect-error: wrong argument type
client.responses.create(model="m", input="hi", temperature="hot")  # expect-error: wrong argument type
client.responses.create(model="m", input="hi", truncation="sometimes")  # expect-error: not one of its literals
client.responses.create(model="m", input="hi", nonsense=True)  # expect-error: unknown argument
client.responses.create(input="hi")  # expect-error: missing required argument
message: EasyInputMessageParam = {"role": "user", "contnet": "hi"}  # expect-error: misspelled key
response = client.responses.create(model="m", input="hi")
print(response.output_txt)  # expect-error: misspelled field
print(response.usage.total_tokens)  # expect-error: usage may be None
print(client.responses.create(model="m", input="hi", stream=True).output_text)  # expect-error: a Stream
for event in client.responses.create(model="m", input="hi", stream=True):
    print(event.delta)  # expect-error: not narrowed by type
zx.Client(api_key=123)  # expect-error: wrong argument type
zx.parse(b"{}", kind="reponse")  # expect-error: wrong kind
