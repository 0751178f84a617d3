"""What the HTTP benchmarks share: a fresh embedded graph server and a real uvicorn over it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph_schema.embedded import EmbeddedConfig, EmbeddedServer, free_port  # noqa: E402
from graph_schema.graph import Graph  # noqa: E402


def embedded_config(data_dir: Path, **settings: str | int) -> EmbeddedConfig:
    """A config on two free ports; `settings` override EmbeddedConfig's defaults (heap, ...)."""
    return EmbeddedConfig(
        data_dir=data_dir, bolt_port=free_port(), http_port=free_port(), **settings
    )  # type: ignore[arg-type]


@contextmanager
def embedded_server(config: EmbeddedConfig) -> Iterator[EmbeddedServer]:
    server = EmbeddedServer(config)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@contextmanager
def service(
    config: EmbeddedConfig,
    log: Path,
    wait_s: float = 120,
    extra_env: dict[str, str] | None = None,
    pids: list[int] | None = None,
    cwd: Path | None = None,
) -> Iterator[str]:
    """uvicorn serving the app over `config`'s graph; yields its base URL once /health is 200
    (and appends its process id to `pids`, for whoever watches its memory). `cwd`: another
    checkout whose code uvicorn imports instead of this one's."""
    env = {
        "KG_DATA_DIR": str(config.data_dir),
        "KG_BOLT_PORT": str(config.bolt_port),
        "KG_ARCADEDB_HTTP_PORT": str(config.http_port),
        "KG_LOG_LEVEL": "WARNING",
        "KG_ARCADEDB_HEAP": config.heap,
        # Benchmarks measure latency, not the per-key rate limits.
        "KG_WRITES_PER_MINUTE": "1000000",
        "KG_QUERIES_PER_MINUTE": "1000000",
        **(extra_env or {}),
    }
    port = free_port()
    with open(log, "wb") as fh:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "uvicorn",
                "--factory",
                "service.app:app_factory",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--log-level",
                "warning",
            ],
            cwd=cwd or ROOT,
            env={**os.environ, **env},
            stdout=fh,
            stderr=subprocess.STDOUT,
        )
    if pids is not None:
        pids.append(process.pid)
    try:
        url = f"http://127.0.0.1:{port}"
        _wait_healthy(url, wait_s, log)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


def _wait_healthy(url: str, wait_s: float, log: Path) -> None:
    deadline = time.monotonic() + wait_s
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise SystemExit(f"the service did not start; see {log}")


def writer_key(config: EmbeddedConfig) -> str:
    """A writer key made in the server's graph, as `kg keys create --role writer` makes one
    (the service applied the schema when it started)."""
    from service.auth import Role
    from service.repository.access import create_key

    with Graph.connect(EmbeddedServer(config).graph_config()) as graph:
        return create_key(graph, Role.WRITER, f"bench-{time.time_ns()}").key


def load_gold(client: httpx.Client, corpus: Path, key: str) -> int:
    """Loads every FORMAT.md file of `corpus` through the API with a writer key; how many."""
    files = sorted(corpus.glob("*.json"))
    for path in files:
        client.post(
            "/documents/extracted",
            json=json.loads(path.read_text(encoding="utf-8")),
            headers={"Authorization": f"Bearer {key}"},
        ).raise_for_status()
    return len(files)
