"""`responses-bindings record`: a recording proxy in front of a vendor's gateway.

Listens on 127.0.0.1 only and forwards each request, unchanged, to the `--upstream` URL;
the answer goes back to the client as it arrives (an event stream event by event). Each
exchange is written into `--dir`, numbered in arrival order: NNNN.http (the request line, the
status line and the response headers), NNNN.request.json and NNNN.response.json / .sse / .txt
(the body as received, gzip undone). The key is never written (no Authorization header; `***`
wherever it appears). Each request, response and stream event is checked on the way through
with the vendor package's validate(), and problems are printed as they pass.
Replay them with `responses-bindings mock --vendor V --replay DIR` or, in your tests,
`<vendor>_responses.testing.ReplayTransport(DIR)`.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ...common.serving import serve_until_interrupted
from ...common.vendor_package import load_vendor
from ...errors import UsageError
from ...runtime._cli import _classes as deviation_classes
from .checks import LiveCheck
from .proxy import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, RecordingProxy

__all__ = ["LiveCheck", "RecordingProxy", "add_parser"]


def run(args: argparse.Namespace) -> int:
    """Record until interrupted."""
    if args.max_bytes < 1 or args.timeout <= 0:
        raise UsageError("--max-bytes and --timeout must be positive")
    check = LiveCheck(load_vendor(args.vendor, args.out), args.strict, args.allow)
    try:
        proxy = RecordingProxy(args.upstream, args.dir, check, port=args.port, say=lambda line: print(line, flush=True),
                               max_bytes=args.max_bytes, timeout=args.timeout)
    except OSError as exc:
        raise UsageError(f"cannot listen on 127.0.0.1:{args.port}: {exc.strerror or exc}") from None
    print(f"recording {args.vendor} traffic: {proxy.url} -> {args.upstream}, into {args.dir}/; Ctrl-C stops", flush=True)
    serve_until_interrupted(proxy)
    return 0


def add_parser(commands) -> None:
    """Register `record` on the CLI's subcommands."""
    parser = commands.add_parser("record", help="record traffic to a gateway through a local proxy, checking it on the way",
                                 description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--vendor", required=True, help="the vendor id, e.g. zhixin (its package validates the traffic)")
    parser.add_argument("--upstream", required=True, help="the gateway's base URL, e.g. https://ai.interwestinfo.com")
    parser.add_argument("--port", type=int, default=8001, help="the port on 127.0.0.1 (default 8001; 0 picks a free one)")
    parser.add_argument("--dir", type=Path, required=True, help="the folder the recordings go into (numbering continues)")
    parser.add_argument("--strict", action="store_true", help="also report properties the spec does not declare")
    parser.add_argument("--allow", type=deviation_classes, default=(), metavar="CLASS,...",
                        help="deviation classes (unknown-field, unknown-variant, unexpected-null, missing-field, wrong-type, "
                             "bad-value) not counted as invalid")
    parser.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, metavar="N",
                        help=f"largest request body accepted and response body recorded (default {DEFAULT_MAX_BYTES:,})")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                        help=f"socket timeout towards the upstream and the client (default {DEFAULT_TIMEOUT:g})")
    parser.set_defaults(run=run)
