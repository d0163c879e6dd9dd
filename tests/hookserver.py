"""A webhook for the tests: a real HTTP server on 127.0.0.1 in a thread, recording what it receives."""

from __future__ import annotations

import json
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Hook:
    """A local webhook: records each request; answers with ``status`` and ``reply`` after ``delay`` seconds."""

    def __init__(self):
        self.requests: list[dict] = []
        self.status, self.reply, self.delay, self.headers = 200, {"errcode": 0, "errmsg": "ok"}, 0.0, {}
        hook = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                hook.requests.append({"path": self.path, "body": body, "type": self.headers.get("Content-Type")})
                time.sleep(hook.delay)
                raw = hook.reply if isinstance(hook.reply, bytes) else json.dumps(hook.reply).encode()
                try:
                    self.send_response(hook.status)
                    for k, v in hook.headers.items():
                        self.send_header(k, v)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(raw)))
                    self.end_headers()
                    self.wfile.write(raw)
                except OSError:  # the client gave up (the timeout test)
                    pass

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str = "/robot/send", **query: str) -> str:
        q = f"?{urllib.parse.urlencode(query)}" if query else ""
        return f"http://127.0.0.1:{self.server.server_port}{path}{q}"

    def close(self):
        self.server.shutdown()
        self.server.server_close()
