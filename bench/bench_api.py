"""Median and p95 latency of each API endpoint over real HTTP, on the dev corpus gold.

    .venv/bin/python bench/bench_api.py [--runs 30] [--corpus ../shared/corpus/dev]

Starts a fresh embedded ArcadeDB in a temporary folder and a real uvicorn serving the app,
loads the gold FORMAT.md files through POST /documents/extracted, then calls each endpoint
`--runs` times one after another (after one warm-up call) and prints a table.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph_schema.embedded import EmbeddedConfig, EmbeddedServer  # noqa: E402


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_uvicorn(env: dict[str, str], log: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    with open(log, "wb") as fh:
        process = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "--factory", "service.app:app_factory",
             "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
            cwd=ROOT, env={**os.environ, **env}, stdout=fh, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                return process, url
        except httpx.HTTPError:
            time.sleep(0.2)
    process.terminate()
    raise SystemExit(f"the service did not start; see {log}")


def first_id(client: httpx.Client, q: str, entity_type: str) -> str:
    answer = client.get("/entities", params={"q": q, "type": entity_type}).json()
    return answer["items"][0]["id"]


def calls(client: httpx.Client) -> dict[str, Callable[[], httpx.Response]]:
    company, city = first_id(client, "JAC Motors", "Organization"), first_id(
        client, "Karshi", "Location")
    official = first_id(client, "Azimov", "Person")
    region = first_id(client, "Kashkadarya", "Location")
    relation = client.get("/relations", params={"limit": 1}).json()["items"][0]["id"]
    document = client.get("/documents", params={"limit": 1}).json()["items"][0]["id"]
    get = client.get
    return {
        "GET /entities?q=": lambda: get("/entities", params={"q": "Karshi"}),
        "GET /entities?q= (fuzzy)": lambda: get("/entities", params={"q": "Qarshi"}),
        "GET /entities/{id}": lambda: get(f"/entities/{company}"),
        "GET /entities/{id}/neighbors d=1": lambda: get(f"/entities/{company}/neighbors"),
        "GET /entities/{id}/neighbors d=3": lambda: get(f"/entities/{company}/neighbors",
                                                        params={"depth": 3}),
        "GET /entities/{id}/neighbors cytoscape": lambda: get(
            f"/entities/{company}/neighbors", params={"depth": 2, "format": "cytoscape"}),
        "GET /entities/{id}/timeline": lambda: get(f"/entities/{company}/timeline"),
        "GET /paths all_shortest": lambda: get("/paths", params={"source": official,
                                                                 "target": city}),
        "GET /paths shortest, 6 hops": lambda: get("/paths", params={
            "source": official, "target": city, "kind": "shortest", "max_hops": 6}),
        "GET /facts/visits": lambda: get("/facts/visits"),
        "GET /facts/plants?place=": lambda: get("/facts/plants", params={"place": region}),
        "GET /relations": lambda: get("/relations"),
        "GET /relations/{id}": lambda: get(f"/relations/{relation}"),
        "GET /documents?q=": lambda: get("/documents", params={"q": "plant"}),
        "GET /documents/{id}": lambda: get(f"/documents/{document}"),
        "GET /export graphml": lambda: get("/export", params={"format": "graphml"}),
        "GET /export cytoscape entity": lambda: get("/export", params={
            "format": "cytoscape", "entity": company, "depth": 2}),
        "GET /export csv": lambda: get("/export", params={"format": "csv"}),
        "POST /query": lambda: client.post("/query", json={
            "cypher": "MATCH (c:Company)-[:PLANS]->(p:Plant) RETURN c.name, p.name LIMIT 50"}),
        "GET /stats": lambda: get("/stats"),
        "GET /health": lambda: get("/health"),
    }


def measure(call: Callable[[], httpx.Response], runs: int) -> tuple[float, float]:
    answer = call()  # warm-up, and a check that the call works at all
    if answer.status_code != 200:
        raise SystemExit(f"{answer.request.url} answered {answer.status_code}: {answer.text}")
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call().raise_for_status()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[max(0, round(0.95 * len(times)) - 1)]


def load(client: httpx.Client, corpus: Path) -> int:
    files = sorted(corpus.glob("*.json"))
    for path in files:
        client.post("/documents/extracted",
                    json=json.loads(path.read_text(encoding="utf-8"))).raise_for_status()
    return len(files)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "dev")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        raise SystemExit(f"no corpus at {args.corpus}; pass --corpus")
    with tempfile.TemporaryDirectory(prefix="bench-api-") as tmp:
        config = EmbeddedConfig(data_dir=Path(tmp) / "data", bolt_port=free_port(),
                                http_port=free_port(), heap="768m")
        server = EmbeddedServer(config)
        server.start()
        env = {"KG_DATA_DIR": str(config.data_dir), "KG_BOLT_PORT": str(config.bolt_port),
               "KG_ARCADEDB_HTTP_PORT": str(config.http_port), "KG_LOG_LEVEL": "WARNING"}
        process, url = start_uvicorn(env, Path(tmp) / "uvicorn.log")
        try:
            with httpx.Client(base_url=url, timeout=60) as client:
                documents = load(client, args.corpus)
                print(f"{documents} documents loaded; {args.runs} sequential calls each\n")
                print(f"| {'endpoint':<40} | median ms | p95 ms |")
                print(f"|{'-' * 42}|----------:|-------:|")
                for name, call in calls(client).items():
                    median, p95 = measure(call, args.runs)
                    print(f"| {name:<40} | {median:9.1f} | {p95:6.1f} |", flush=True)
        finally:
            process.terminate()
            process.wait(timeout=20)
            server.stop()


if __name__ == "__main__":
    main()
