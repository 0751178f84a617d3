"""/health and a light read while a burst of expensive reads runs: the cap on, beside it off.

    .venv/bin/python bench/bench_burst.py [--burst 24] [--corpus ../shared/corpus/dev]

One embedded ArcadeDB with the dev corpus gold, two services over it in turn: the default cap
(KG_EXPENSIVE_READS_MAX=2, waiting up to 5 s) and one without a cap worth the name (1000).
Each gets `--burst` concurrent expensive reads (whole-graph GraphML and Cytoscape exports,
depth-3 neighbourhoods, 6-hop paths) while one client asks /health and another
/entities?q= one after another until the burst is over. Prints latency per setting side by
side, and how the burst was answered (200, or 503 busy).
"""

from __future__ import annotations

import argparse
import collections
import concurrent.futures
import statistics
import sys
import tempfile
import threading
import time
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

SETTINGS = {"cap 2 (default)": "2", "no cap (1000)": "1000"}


def heavy_paths(client: httpx.Client, count: int) -> list[str]:
    def first(q: str, kind: str) -> str:
        return client.get("/entities", params={"q": q, "type": kind}).json()["items"][0]["id"]

    company, official = first("JAC Motors", "Organization"), first("Azimov", "Person")
    city = first("Karshi", "Location")
    kinds = [
        "/export?format=graphml",
        "/export?format=cytoscape",
        f"/entities/{company}/neighbors?depth=3&limit=500",
        f"/paths?source={official}&target={city}&max_hops=6",
    ]
    return [kinds[i % len(kinds)] for i in range(count)]


def timed_loop(url: str, path: str, stop: threading.Event) -> list[tuple[int, float]]:
    samples = []
    with httpx.Client(base_url=url, timeout=120) as client:
        while not stop.is_set():
            start = time.perf_counter()
            status = client.get(path).status_code
            samples.append((status, (time.perf_counter() - start) * 1000))
    return samples


def burst(url: str, paths: list[str]) -> dict[str, object]:
    stop = threading.Event()
    with (
        concurrent.futures.ThreadPoolExecutor(len(paths) + 2) as pool,
        httpx.Client(base_url=url, timeout=120) as client,
    ):
        health = pool.submit(timed_loop, url, "/health", stop)
        light = pool.submit(timed_loop, url, "/entities?q=Karshi", stop)
        start = time.perf_counter()
        answers = list(pool.map(lambda p: client.get(p).status_code, paths))
        took = time.perf_counter() - start
        stop.set()
        return {
            "health": health.result(),
            "light": light.result(),
            "burst": collections.Counter(answers),
            "took_s": took,
        }


def summary(samples: list[tuple[int, float]]) -> str:
    times = sorted(ms for _, ms in samples)
    bad = sum(1 for status, _ in samples if status != 200)
    p95 = times[max(0, round(0.95 * len(times)) - 1)]
    return f"{statistics.median(times):7.1f} {p95:7.1f} {times[-1]:7.1f}  n={len(times)}" + (
        f" non-200={bad}" if bad else ""
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--burst", type=int, default=24)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "dev")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        raise SystemExit(f"no corpus at {args.corpus}; pass --corpus")
    results = {}
    with tempfile.TemporaryDirectory(prefix="bench-burst-") as tmp:
        config = embedded_config(Path(tmp) / "data", heap="768m")
        with embedded_server(config):
            for name, cap in SETTINGS.items():
                env = {"KG_EXPENSIVE_READS_MAX": cap}
                with (
                    service(config, Path(tmp) / f"uvicorn-{cap}.log", extra_env=env) as url,
                    httpx.Client(base_url=url, timeout=60) as client,
                ):
                    if not results:
                        load_gold(client, args.corpus, writer_key(config))
                    idle = timed_loop_n(url, "/health", 30)
                    results[name] = {**burst(url, heavy_paths(client, args.burst)), "idle": idle}
    print(f"{args.burst} concurrent expensive reads; ms as median p95 max\n")
    print(
        f"| {'':<18} | {'/health idle':<28} | {'/health in burst':<28} | "
        f"{'/entities?q= in burst':<28} | burst answers, time |"
    )
    print(f"|{'-' * 20}|{'-' * 30}|{'-' * 30}|{'-' * 30}|---------------------|")
    for name, r in results.items():
        answers = ", ".join(f"{k}: {v}" for k, v in sorted(r["burst"].items()))
        print(
            f"| {name:<18} | {summary(r['idle']):<28} | {summary(r['health']):<28} | "
            f"{summary(r['light']):<28} | {answers}, {r['took_s']:.1f} s |"
        )


def timed_loop_n(url: str, path: str, n: int) -> list[tuple[int, float]]:
    samples = []
    with httpx.Client(base_url=url, timeout=60) as client:
        for _ in range(n):
            start = time.perf_counter()
            status = client.get(path).status_code
            samples.append((status, (time.perf_counter() - start) * 1000))
    return samples


if __name__ == "__main__":
    main()
