"""Median and p95 latency of each API endpoint over real HTTP, on the dev corpus gold.

    .venv/bin/python bench/bench_api.py [--runs 30] [--corpus ../shared/corpus/dev]

Starts a fresh embedded ArcadeDB in a temporary folder and a real uvicorn serving the app,
loads the gold FORMAT.md files through POST /documents/extracted, then calls each endpoint
`--runs` times one after another (after one warm-up call) and prints a table.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.harness import (  # noqa: E402
    embedded_config,
    embedded_server,
    load_gold,
    service,
    writer_key,
)


def first_id(client: httpx.Client, q: str, entity_type: str) -> str:
    answer = client.get("/entities", params={"q": q, "type": entity_type}).json()
    return answer["items"][0]["id"]


def calls(client: httpx.Client) -> dict[str, Callable[[], httpx.Response]]:
    company, city = (
        first_id(client, "JAC Motors", "Organization"),
        first_id(client, "Karshi", "Location"),
    )
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
        "GET /entities/{id}/neighbors d=3": lambda: get(
            f"/entities/{company}/neighbors", params={"depth": 3}
        ),
        "GET /entities/{id}/neighbors cytoscape": lambda: get(
            f"/entities/{company}/neighbors", params={"depth": 2, "format": "cytoscape"}
        ),
        "GET /entities/{id}/timeline": lambda: get(f"/entities/{company}/timeline"),
        "GET /paths all_shortest": lambda: get(
            "/paths", params={"source": official, "target": city}
        ),
        "GET /paths shortest, 6 hops": lambda: get(
            "/paths", params={"source": official, "target": city, "kind": "shortest", "max_hops": 6}
        ),
        "GET /facts/visits": lambda: get("/facts/visits"),
        "GET /facts/plants?place=": lambda: get("/facts/plants", params={"place": region}),
        "GET /relations": lambda: get("/relations"),
        "GET /relations/{id}": lambda: get(f"/relations/{relation}"),
        "GET /documents?q=": lambda: get("/documents", params={"q": "plant"}),
        "GET /documents/{id}": lambda: get(f"/documents/{document}"),
        "GET /export graphml": lambda: get("/export", params={"format": "graphml"}),
        "GET /export cytoscape entity": lambda: get(
            "/export", params={"format": "cytoscape", "entity": company, "depth": 2}
        ),
        "GET /export csv": lambda: get("/export", params={"format": "csv"}),
        "POST /query": lambda: client.post(
            "/query",
            json={"cypher": "MATCH (c:Company)-[:PLANS]->(p:Plant) RETURN c.name, p.name LIMIT 50"},
        ),
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "dev")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        raise SystemExit(f"no corpus at {args.corpus}; pass --corpus")
    with tempfile.TemporaryDirectory(prefix="bench-api-") as tmp:
        config = embedded_config(Path(tmp) / "data", heap="768m")
        with (
            embedded_server(config),
            service(config, Path(tmp) / "uvicorn.log") as url,
            httpx.Client(base_url=url, timeout=60) as client,
        ):
            documents = load_gold(client, args.corpus, writer_key(config))
            print(f"{documents} documents loaded; {args.runs} sequential calls each\n")
            print(f"| {'endpoint':<40} | median ms | p95 ms |")
            print(f"|{'-' * 42}|----------:|-------:|")
            for name, call in calls(client).items():
                median, p95 = measure(call, args.runs)
                print(f"| {name:<40} | {median:9.1f} | {p95:6.1f} |", flush=True)


if __name__ == "__main__":
    main()
