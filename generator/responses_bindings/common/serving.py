"""A loopback HTTP server that serves on a thread inside `with`, or in the foreground for the CLI."""

from __future__ import annotations

import threading
from http.server import ThreadingHTTPServer

POLL_SECONDS = 0.05  # how soon serve_forever() sees a shutdown request
JOIN_SECONDS = 5


class BackgroundServer(ThreadingHTTPServer):
    """`with Server(...) as server:` serves on a daemon thread and stops at the end of the block."""

    daemon_threads = True
    _thread: threading.Thread | None = None

    def __enter__(self):
        self._thread = threading.Thread(target=self.serve_forever, kwargs={"poll_interval": POLL_SECONDS}, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.shutdown()
        self.server_close()
        if self._thread is not None:
            self._thread.join(timeout=JOIN_SECONDS)


def serve_until_interrupted(server: ThreadingHTTPServer) -> None:
    """Serve in the foreground until Ctrl-C, then close the socket."""
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
