"""A local web site for the tests that fetch: saved pages and feeds served over real HTTP from
127.0.0.1 (nothing leaves the machine), with the answers a news site gives besides 200 --
redirects, 304 for an unchanged feed, 404, 500, wrong content types, oversized and slow bodies.
"""

from __future__ import annotations

import contextlib
import hashlib
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PAGES = Path(__file__).resolve().parent / "loaders" / "sources" / "pages"
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".xml": "application/rss+xml; charset=utf-8",
    ".atom": "application/atom+xml; charset=utf-8",
    ".pdf": "application/pdf",
}


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0
    conditional: bool = False  # answer 304 to a matching If-None-Match / If-Modified-Since
    chunked: bool = False  # no Content-Length: the size shows only while reading


@dataclass
class Site:
    """Routes by path; `hits` counts the requests per path, `conditional_hits` those that came
    with If-None-Match or If-Modified-Since."""

    base: str = ""
    routes: dict[str, Route] = field(default_factory=dict)
    hits: Counter[str] = field(default_factory=Counter)
    conditional_hits: Counter[str] = field(default_factory=Counter)

    def url(self, path: str) -> str:
        return f"{self.base}{path}"

    def page(self, path: str, name: str, **kwargs: object) -> str:
        """Serve the saved file `name` at `path`, its type from its suffix; with ETag and
        Last-Modified, answered 304 when the client already has it."""
        body = (PAGES / name).read_bytes()
        kwargs.setdefault("content_type", TYPES[Path(name).suffix])
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        headers = {"ETag": etag, "Last-Modified": "Tue, 03 Sep 2024 08:00:00 GMT"}
        self.routes[path] = Route(body=body, headers=headers, conditional=True, **kwargs)  # type: ignore[arg-type]
        return self.url(path)

    def feed(self, path: str, name: str, links: dict[str, str]) -> str:
        """A saved feed whose `{key}` placeholders become this site's URLs."""
        text = (PAGES / name).read_text(encoding="utf-8")
        for key, target in links.items():
            text = text.replace("{" + key + "}", self.url(target))
        body = text.encode("utf-8")
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        headers = {"ETag": etag, "Last-Modified": "Tue, 03 Sep 2024 08:00:00 GMT"}
        self.routes[path] = Route(
            body=body, content_type=TYPES[Path(name).suffix], headers=headers, conditional=True
        )
        return self.url(path)


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # chunked bodies and keep-alive, as news sites answer

        def log_message(self, format: str, *args: object) -> None:  # quiet test output
            pass

        def do_GET(self) -> None:
            path = self.path
            site.hits[path] += 1
            asked_etag = self.headers.get("If-None-Match")
            asked_date = self.headers.get("If-Modified-Since")
            if asked_etag or asked_date:
                site.conditional_hits[path] += 1
            route = site.routes.get(path)
            if route is None:
                self._send(404, b"<html><body>not found</body></html>", "text/html", {})
                return
            if route.delay_s:
                time.sleep(route.delay_s)
            if route.conditional and (
                (asked_etag and asked_etag == route.headers.get("ETag"))
                or (not asked_etag and asked_date == route.headers.get("Last-Modified"))
            ):
                self._send(304, b"", None, route.headers)
                return
            if route.chunked:
                self._send_chunked(route)
                return
            self._send(route.status, route.body, route.content_type, route.headers)

        def _send_chunked(self, route: Route) -> None:
            self.send_response(route.status)
            self.send_header("Content-Type", route.content_type)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                for start in range(0, len(route.body), 65536):
                    piece = route.body[start : start + 65536]
                    self.wfile.write(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
                self.wfile.write(b"0\r\n\r\n")

        def _send(
            self, status: int, body: bytes, content_type: str | None, headers: dict[str, str]
        ) -> None:
            self.send_response(status)
            if content_type:
                self.send_header("Content-Type", content_type)
            for key, value in headers.items():
                self.send_header(key, value)
            if "Content-Length" not in headers:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            # The client may stop reading (a size cap): what the test wants.
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(body)

    return Handler


@contextmanager
def local_site() -> Iterator[Site]:
    """A site on a free port of 127.0.0.1, for as long as the block runs."""
    site = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
