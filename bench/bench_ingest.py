"""`kg ingest` end to end with extraction in one worker and in two, in one run.

The articles are made of the real news corpus's sentences (corpus/news, de/en/ru): article i
takes the length and language of corpus article i mod N and that many sentences drawn (seeded
by i) from all the corpus's sentences of its language, written as `.txt` files. Each is a
document of its own: a corpus text repeated would be recorded as a syndicated copy of the first
(loaders.sources.syndication), not extracted again. Each way runs
`kg ingest --workers N` as a process of its own (spaCy loaded in every worker, as a user would
see it) into a fresh embedded graph, and ends with
`ingest: --workers 2 = X.XXx --workers 1 on N articles`.

Beside the wall time it shows the CPU seconds of each process (`kg ingest` itself, the writer,
and each extraction worker, sampled from /proc), so that a ratio taken on a machine shared
with other work can be read: the work is split when the workers' CPU seconds are even, and the
writer's CPU seconds bound what more workers can win (`--workers 1` already runs the writer
beside one extracting process). The embedded graph server's CPU seconds during the ingest are
shown too: the writer waits for them.

    .venv/bin/python bench/bench_ingest.py [--articles 1000] [--corpus corpus/news]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.harness import embedded_config, embedded_server  # noqa: E402

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def write_articles(corpus: Path, folder: Path, count: int) -> None:
    texts = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(corpus.glob("*.json"))]
    if not texts:
        raise SystemExit(f"no .json articles in {corpus}")
    pool: dict[str, list[str]] = {}
    for source in texts:
        pool.setdefault(source["lang"], []).extend(_SENTENCE_END.split(source["text"].strip()))
    folder.mkdir(parents=True)
    for i in range(count):
        source = texts[i % len(texts)]
        length = len(_SENTENCE_END.split(source["text"].strip()))
        drawn = random.Random(i).sample(pool[source["lang"]], length)
        text = f"---\nlang: {source['lang']}\n---\n" + " ".join(drawn) + "\n"
        (folder / f"article-{i:05}.txt").write_text(text, encoding="utf-8")


_TICKS = os.sysconf("SC_CLK_TCK")


def _cpu_and_parent(pid: int) -> tuple[float, int] | None:
    """A process's user + system CPU seconds and its parent, from /proc (None once gone)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat[stat.rindex(")") + 2 :].split()
    return (int(fields[11]) + int(fields[12])) / _TICKS, int(fields[1])


@dataclass
class CpuSampler:
    """The CPU seconds of a process and its descendants, sampled until stopped: the last
    sample of each process is what it used (a worker's last half second may be missed)."""

    root: int
    seconds: dict[int, float] = field(default_factory=dict)
    _stop: threading.Event = field(default_factory=threading.Event)

    def run(self) -> None:
        while not self._stop.wait(0.25):
            family = {self.root}
            stats = {}
            for entry in Path("/proc").iterdir():
                if entry.name.isdigit() and (found := _cpu_and_parent(int(entry.name))):
                    stats[int(entry.name)] = found
            grew = True
            while grew:
                grew = False
                for pid, (_, parent) in stats.items():
                    if parent in family and pid not in family:
                        family.add(pid)
                        grew = True
            for pid in family & stats.keys():
                self.seconds[pid] = stats[pid][0]

    def stop(self) -> list[float]:
        """CPU seconds: the root first, then its descendants, most first."""
        self._stop.set()
        root = self.seconds.pop(self.root, 0.0)
        return [root, *sorted(self.seconds.values(), reverse=True)]


def ingest_seconds(folder: Path, data_dir: Path, workers: int) -> float:
    config = embedded_config(data_dir)
    env = {
        **os.environ,
        "KG_DATA_DIR": str(config.data_dir),
        "KG_BOLT_PORT": str(config.bolt_port),
        "KG_ARCADEDB_HTTP_PORT": str(config.http_port),
        "KG_LOG_LEVEL": "WARNING",
    }
    with embedded_server(config) as server:
        server_pid = int(server.pid_file.read_text(encoding="utf-8").strip())
        server_cpu = (_cpu_and_parent(server_pid) or (0.0, 0))[0]
        started = time.perf_counter()
        command = [sys.executable, "-m", "service.cli", "ingest", "--workers", str(workers)]
        process = subprocess.Popen(
            [*command, str(folder)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        sampler = CpuSampler(process.pid)
        thread = threading.Thread(target=sampler.run, daemon=True)
        thread.start()
        stdout, stderr = process.communicate()
        seconds = time.perf_counter() - started
        cpu = sampler.stop()
        thread.join()
        server_cpu = (_cpu_and_parent(server_pid) or (server_cpu, 0))[0] - server_cpu
    if process.returncode != 0:
        raise SystemExit(f"kg ingest --workers {workers} failed:\n{stderr[-2000:]}")
    summary = stdout.strip().splitlines()[-1] if stdout.strip() else ""
    print(f"  --workers {workers}: {seconds:7.1f} s  {summary}", flush=True)
    shown = ", ".join(f"{c:.1f}" for c in cpu[1:])
    print(
        f"    CPU s: writer (kg ingest) {cpu[0]:.1f}; workers {shown}; "
        f"graph server {server_cpu:.1f}",
        flush=True,
    )
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus" / "news")
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
