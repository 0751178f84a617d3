"""What the browser tests share: Debian's headless Chromium (no downloaded browser), a watch on
what a page asked for, and a graph server and service of the module's own (other modules wipe
the session graph)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from graph_schema.embedded import EmbeddedConfig, EmbeddedServer
from tests.conftest import OUTPUT, Backend, free_port

CHROMIUM = shutil.which("chromium") or next(
    (p for p in ("/usr/bin/chromium",) if Path(p).exists()), None
)
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="Debian's chromium is not installed (apt-get install chromium)"
)


@contextmanager
def own_backend(tmp: Path) -> Iterator[Backend]:
    embedded = EmbeddedConfig(
        data_dir=tmp / "arcadedb-data",
        bolt_port=free_port(),
        http_port=free_port(),
        heap="512m",
        command_timeout_ms=30_000,
    )
    server = EmbeddedServer(embedded)
    server.start()
    try:
        env = {
            "KG_DATA_DIR": str(embedded.data_dir),
            "KG_BOLT_PORT": str(embedded.bolt_port),
            "KG_ARCADEDB_HTTP_PORT": str(embedded.http_port),
            "KG_WRITE_TIMEOUT_S": "30",
        }
        config = server.graph_config()
        yield Backend("arcadedb", config, env)
    finally:
        server.stop()


@dataclass
class Watch:
    """What a page said and asked for besides what the test looks at."""

    origin: str
    console_errors: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)
    foreign_responses: list[str] = field(default_factory=list)

    def attach(self, page: Any) -> None:
        page.on("console", lambda m: m.type == "error" and self.console_errors.append(m.text))
        page.on("pageerror", lambda e: self.console_errors.append(f"uncaught: {e}"))
        page.on(
            "request",
            lambda r: self.local(r.url) or self.foreign_requests.append(r.url),
        )
        page.on(
            "response",
            lambda r: self.local(r.url) or self.foreign_responses.append(r.url),
        )

    def local(self, url: str) -> bool:
        return url.startswith((self.origin, "data:", "blob:"))


@contextmanager
def launch() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


def screenshot(page: Any, name: str) -> Path:
    """Saved under test-output/ for a person to look at."""
    OUTPUT.mkdir(exist_ok=True)
    path = OUTPUT / name
    page.screenshot(path=str(path))
    return path
