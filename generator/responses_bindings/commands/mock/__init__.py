"""`responses-bindings mock`: an offline stand-in for one vendor's gateway, built from its bundled spec.

POST /v1/responses checks the auth header the spec's security scheme names, validates the
body against the request schema, and answers the documented 200 example — as JSON, or for
`stream: true` as a server-sent event stream synthesized from it (and checked against the
event schema). Anything wrong gets the vendor's error body. Tests queue `Fault`s to get slow
replies, error statuses, non-JSON bodies and streams cut mid-event.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ...common.document import RESPONSES_PATH
from ...common.serving import serve_until_interrupted
from .faults import FAULT_KINDS, Fault
from .gateway import MockError, VendorMock
from .server import MockServer, Recorded

__all__ = ["FAULT_KINDS", "Fault", "MockError", "MockServer", "Recorded", "VendorMock", "add_parser", "serve"]


def serve(out: Path, vendor_id: str, host: str, port: int, api_key: str | None, verbose: bool) -> None:
    """Run the mock in the foreground until interrupted (the CLI)."""
    mock = VendorMock.from_generated(out, vendor_id, api_key)
    server = MockServer(mock, host, port, verbose)
    shown = f"{mock.auth_prefix}<{'the --api-key' if api_key else 'any'} key>"
    print(f"mock {vendor_id} gateway on {server.url} (POST {RESPONSES_PATH}, {mock.auth_name}: {shown}); Ctrl-C stops", flush=True)
    serve_until_interrupted(server)


def run(args: argparse.Namespace) -> int:
    """Serve the offline stand-in for one vendor's gateway until interrupted."""
    if args.replay is not None:
        from . import replay

        return replay.run(args)
    try:
        serve(args.out, args.vendor, args.host, args.port, args.api_key, args.verbose)
    except MockError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


def add_parser(commands) -> None:
    """Register `mock` on the CLI's subcommands."""
    parser = commands.add_parser("mock", help="serve an offline stand-in for a vendor's gateway, built from --out/VENDOR/openapi.json")
    parser.add_argument("--vendor", required=True, help="the vendor id, e.g. ai360")
    parser.add_argument("--port", type=int, default=8000, help="the port (default 8000; 0 picks a free one)")
    parser.add_argument("--host", default="127.0.0.1", help="the address to bind (default 127.0.0.1)")
    parser.add_argument("--api-key", help="accept only this key (default: any non-empty key)")
    parser.add_argument("--verbose", action="store_true", help="log every request")
    parser.add_argument("--replay", type=Path, metavar="DIR", help="answer with the exchanges `record` wrote into DIR")
    parser.set_defaults(run=run)
