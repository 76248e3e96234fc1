"""The generation pipeline: spec/ in, generated/<vendor>/ out. One stage per module, in run order:

load → bundle → lint → json_schemas → pydantic_models → openapi_client → package → format → version → manifest

and, once for all vendors, vendor_matrix (generated/VENDORS.md). `generate` runs them;
`drift` compares an output tree with a fresh generation (`generate --check`); `external`
runs the third-party generators as subprocesses.

Lint runs on the bundle, where references are resolved, so that union rules can look at
the variants a `$ref` points to; bundling itself only resolves and patches.
"""
