"""/health tells the truth: 200 only while the graph answers, 503 while it does not."""

from __future__ import annotations

import time
from pathlib import Path

import httpx

from tests.conftest import own_arcadedb, start_service, stop_service


def wait_for(url: str, status: int, seconds: float = 60) -> httpx.Response:
    deadline = time.monotonic() + seconds
    while True:
        answer = httpx.get(url, timeout=10)
        if answer.status_code == status or time.monotonic() > deadline:
            return answer
        time.sleep(0.5)


def test_health_follows_the_graph_server(tmp_path: Path) -> None:
    server, backend = own_arcadedb(tmp_path / "data")
    service = start_service(backend, tmp_path)
    try:
        ok = httpx.get(f"{service.url}/health").json()
        assert ok == {"status": "ok", "backend": "arcadedb", "database": "kg", "message": None}
        server.stop()
        down = wait_for(f"{service.url}/health", 503)
        assert down.status_code == 503
        assert down.json()["status"] == "unavailable" and down.json()["message"]
        server.start()
        assert wait_for(f"{service.url}/health", 200).status_code == 200
    finally:
        stop_service(service)
        server.stop()
