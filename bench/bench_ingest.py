"""`kg ingest` end to end with extraction in one worker and in two, in one run.

The articles are the dev corpus's texts (1–2 KB each, de/en/ru), repeated with a numbered
closing line so that each is a document of its own, written as `.txt` files. Each way runs
`kg ingest --workers N` as a process of its own (spaCy loaded in every worker, as a user would
see it) into a fresh embedded graph, and ends with
`ingest: --workers 2 = X.XXx --workers 1 on N articles`.

    .venv/bin/python bench/bench_ingest.py [--articles 1000] [--corpus ../shared/corpus/dev]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.harness import embedded_config, embedded_server  # noqa: E402


def write_articles(corpus: Path, folder: Path, count: int) -> None:
    texts = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(corpus.glob("*.json"))]
    if not texts:
        raise SystemExit(f"no .json articles in {corpus}")
    folder.mkdir(parents=True)
    for i in range(count):
        source = texts[i % len(texts)]
        front = f"---\nlang: {source['lang']}\n---\n"
        text = f"{front}{source['text']}\n\n({i})\n"
        (folder / f"article-{i:05}.txt").write_text(text, encoding="utf-8")


def ingest_seconds(folder: Path, data_dir: Path, workers: int) -> float:
    config = embedded_config(data_dir)
    env = {
        **os.environ,
        "KG_DATA_DIR": str(config.data_dir),
        "KG_BOLT_PORT": str(config.bolt_port),
        "KG_ARCADEDB_HTTP_PORT": str(config.http_port),
        "KG_LOG_LEVEL": "WARNING",
    }
    with embedded_server(config):
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "service.cli", "ingest", "--workers", str(workers), str(folder)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
        seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"kg ingest --workers {workers} failed:\n{done.stderr[-2000:]}")
    print(f"  --workers {workers}: {seconds:7.1f} s  {done.stdout.strip()}", flush=True)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "dev")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as tmp:
        folder = Path(tmp) / "articles"
        write_articles(args.corpus, folder, args.articles)
        one = ingest_seconds(folder, Path(tmp) / "one", 1)
        two = ingest_seconds(folder, Path(tmp) / "two", 2)
    print("\n| way | seconds | articles/s |\n|---|--:|--:|")
    for workers, seconds in ((1, one), (2, two)):
        rate = args.articles / seconds
        print(f"| `kg ingest --workers {workers}` | {seconds:.1f} | {rate:.1f} |")
    print(f"\ningest: --workers 2 = {one / two:.2f}x --workers 1 on {args.articles} articles")


if __name__ == "__main__":
    main()
