"""API latency at scale: every endpoint on synthetic graphs of growing size (20k and 1M
relations by default), side by side, over real HTTP against a real uvicorn and a fresh
embedded ArcadeDB each.

    .venv/bin/python bench/bench_api_scale.py [--relations 20000,1000000] [--runs 20]
        [--dev] [--save results.json] [--baseline before.json] [--only neighbors,paths]
        [--keep DIR]

1. `--dev`: the dev corpus gold (FORMAT.md) loaded through POST /documents/extracted;
2. per `--relations` size: synthetic documents (bench/synthetic_graph.py: ~0.25 entities per
   relation, provenance lists, power-law hubs; one document per ten relations) loaded by the
   project's writer (loaders.write, batches of `--batch-documents`) into a fresh database,
   then served by the same app (`--keep DIR`: loaded once into DIR and reused by later runs).
   The service's peak memory (VmHWM) is read before and after the whole-graph exports:
   streaming keeps it flat.
Each endpoint gets one warm-up call, then up to `--runs` sequential calls or `--budget-s`
seconds, whichever comes first. Hub entities (the most connected country, city, company and
officials) are the worst case and what the large column asks about unless a name says
"typical". `--baseline` prints the figures of an earlier `--save` beside this run's.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
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
from bench.synthetic_graph import Hubs, build  # noqa: E402
from graph_schema.embedded import EmbeddedConfig  # noqa: E402
from graph_schema.graph import Graph  # noqa: E402
from graph_schema.schema import apply_schema  # noqa: E402
from loaders.write import LoadReport, write_documents  # noqa: E402
from service.repository.stats import read_stats  # noqa: E402

Call = Callable[[httpx.Client], httpx.Response]


@dataclass
class Result:
    median_ms: float
    p95_ms: float
    runs: int
    statuses: dict[str, int]
    kbytes: float


@dataclass
class Targets:
    """What the calls ask about, per graph."""

    company: str
    city: str
    official: str
    other_official: str
    place: str  # the biggest place for plants?place= (a country on the large graph)
    host: str  # the most visited entity
    typical_source: str
    typical_target: str
    relation: str
    document: str
    name: str  # an entity name searched exactly
    fuzzy: str  # the same name misspelt
    prefix: str  # the first letters of a name
    common_word: str  # in nearly every document
    rare_word: str  # in a handful of documents


def calls(t: Targets) -> dict[str, Call]:
    def get(path: str, **params: object) -> Call:
        return lambda c: c.get(path, params=params)  # type: ignore[arg-type]

    nb = f"/entities/{t.company}/neighbors"
    return {
        "GET /entities?q= exact": get("/entities", q=t.name),
        "GET /entities?q= fuzzy": get("/entities", q=t.fuzzy),
        "GET /entities?q= prefix": get("/entities", q=t.prefix),
        "GET /entities/{hub}": get(f"/entities/{t.company}"),
        "GET /entities/{hub} docs page 5": get(f"/entities/{t.official}", cursor=_cursor(80)),
        "GET /entities/{hub}/neighbors d=1": get(nb),
        "GET /entities/{hub}/neighbors d=2": get(nb, depth=2),
        "GET /entities/{hub}/neighbors d=3": get(nb, depth=3),
        "GET /entities/{hub}/neighbors d=2 cyto": get(nb, depth=2, format="cytoscape"),
        "GET /entities/{hub}/neighbors filtered": get(
            nb, depth=2, rel_types="PLANS,LOCATED_IN", min_confidence=0.6
        ),
        "GET /entities/{hub}/timeline": get(f"/entities/{t.official}/timeline"),
        "GET /entities/{hub}/timeline from=": get(
            f"/entities/{t.official}/timeline", **{"from": "2024-01-01"}
        ),
        "GET /paths hub-hub all_shortest": get("/paths", source=t.official, target=t.city),
        "GET /paths hub-hub shortest 6": get(
            "/paths", source=t.official, target=t.city, kind="shortest", max_hops=6
        ),
        "GET /paths official-official": get("/paths", source=t.official, target=t.other_official),
        "GET /paths typical-typical": get(
            "/paths", source=t.typical_source, target=t.typical_target
        ),
        "GET /facts/visits": get("/facts/visits"),
        "GET /facts/visits?visitor=hub": get("/facts/visits", visitor=t.official),
        "GET /facts/visits?host=hub": get("/facts/visits", host=t.host),
        "GET /facts/visits?visitor=typical": get("/facts/visits", visitor=t.typical_source),
        "GET /facts/plants": get("/facts/plants"),
        "GET /facts/plants?company=hub": get("/facts/plants", company=t.company),
        "GET /facts/plants?place=hub": get("/facts/plants", place=t.place),
        "GET /facts/plants?place=city": get("/facts/plants", place=t.city),
        "GET /relations": get("/relations"),
        "GET /relations?source=hub": get("/relations", source=t.official),
        "GET /relations?type=VISITED": get("/relations", type="VISITED"),
        "GET /relations/{id}": get(f"/relations/{t.relation}"),
        "GET /documents": get("/documents"),
        "GET /documents?q= common": get("/documents", q=t.common_word),
        "GET /documents?q= rare": get("/documents", q=t.rare_word),
        "GET /documents?lang=&from=": get("/documents", lang="en", **{"from": "2024-01-01"}),
        "GET /documents/{id}": get(f"/documents/{t.document}"),
        "GET /export graphml": get("/export", format="graphml"),
        "GET /export csv": get("/export", format="csv"),
        "GET /export cytoscape entity d=2": get(
            "/export", format="cytoscape", entity=t.company, depth=2
        ),
        "POST /query": lambda c: c.post(
            "/query",
            json={"cypher": "MATCH (c:Company)-[:PLANS]->(p:Plant) RETURN c.name, p.name LIMIT 50"},
        ),
        "GET /stats": get("/stats"),
        "GET /health": get("/health"),
    }


WHOLE_GRAPH_EXPORTS = ("GET /export graphml", "GET /export csv")


def _cursor(offset: int) -> str:
    from service.paging import encode_cursor

    return encode_cursor(offset)


def measure(clients: list[httpx.Client], call: Call, runs: int, budget_s: float) -> list[Result]:
    """One warm-up call on each service, then up to `runs` calls on each, taking turns, so
    that services compared meet the graph's caches in the same state."""
    statuses: list[dict[str, int]] = [{} for _ in clients]
    warm = [call(client) for client in clients]  # JIT, caches; also tells the answer's size
    for answer in warm:
        if answer.status_code >= 500 and answer.status_code != 504:
            raise SystemExit(
                f"{answer.request.url} answered {answer.status_code}: {answer.text[:500]}"
            )
    times: list[list[float]] = [[] for _ in clients]
    start_all = time.monotonic()
    while len(times[0]) < runs and (time.monotonic() - start_all < budget_s or len(times[0]) < 3):
        for i, client in enumerate(clients):
            start = time.perf_counter()
            answer = call(client)
            times[i].append((time.perf_counter() - start) * 1000)
            statuses[i][str(answer.status_code)] = statuses[i].get(str(answer.status_code), 0) + 1
    results = []
    for i, found in enumerate(times):
        found.sort()
        results.append(
            Result(
                statistics.median(found),
                found[max(0, round(0.95 * len(found)) - 1)],
                len(found),
                statuses[i],
                len(warm[i].content) / 1024,
            )
        )
    return results


def run_calls(
    url: str,
    targets: Targets,
    runs: int,
    budget_s: float,
    only: list[str],
    label: str,
    before_export: Callable[[], None] | None = None,
    before: tuple[str, str, dict[str, Result]] | None = None,
) -> dict[str, Result]:
    """Each call measured in turn; with `before` (label, URL, results to fill): the earlier
    code's service measured on each call beside this one, call by call, so that both meet
    the graph's caches in the same state (one service after the other, the first ran on a
    colder cache: up to 2x on some rows at 200k)."""
    results: dict[str, Result] = {}
    exporting = False
    services = [(label, url, results)]
    if before is not None:
        services.insert(0, before)
    clients = [httpx.Client(base_url=u, timeout=180) for _, u, _ in services]
    try:
        for name, call in calls(targets).items():
            if only and not any(o in name for o in only):
                continue
            if name in WHOLE_GRAPH_EXPORTS and not exporting and before_export is not None:
                exporting = True
                before_export()
            measured = measure(clients, call, runs, budget_s)
            for (who, _, found), r in zip(services, measured, strict=True):
                found[name] = r
                print(
                    f"  [{who}] {name:<40} median {r.median_ms:9.1f} ms  p95 {r.p95_ms:9.1f} ms"
                    f"  n={r.runs} {r.statuses} {r.kbytes:.0f} KiB",
                    flush=True,
                )
    finally:
        for client in clients:
            client.close()
    return results


def small_targets(client: httpx.Client) -> Targets:
    def first(q: str, etype: str) -> str:
        return str(client.get("/entities", params={"q": q, "type": etype}).json()["items"][0]["id"])

    official, city = first("Azimov", "Person"), first("Karshi", "Location")
    return Targets(
        company=first("JAC Motors", "Organization"),
        city=city,
        official=official,
        other_official=first("Mirziyoyev", "Person"),
        place=first("Kashkadarya", "Location"),
        host=city,
        typical_source=official,
        typical_target=first("Kashkadarya", "Location"),
        relation=client.get("/relations", params={"limit": 1}).json()["items"][0]["id"],
        document=client.get("/documents", params={"limit": 1}).json()["items"][0]["id"],
        name="Karshi",
        fuzzy="Qarshi",
        prefix="Kar",
        common_word="the",
        rare_word="plant",
    )


def large_targets(hubs: Hubs, client: httpx.Client) -> Targets:
    relation = client.get("/relations", params={"source": hubs.official, "limit": 1}).json()
    document = client.get("/documents", params={"limit": 1}).json()
    name = hubs.names["city"]
    return Targets(
        company=hubs.company,
        city=hubs.city,
        official=hubs.official,
        other_official=hubs.second_official,
        place=hubs.place_root,
        host=hubs.country,
        typical_source=hubs.typical_person,
        typical_target=hubs.typical_city,
        relation=relation["items"][0]["id"],
        document=document["items"][0]["id"],
        name=name,
        fuzzy=name[:-2] + name[-1] + name[-2],
        prefix=name[:3],
        common_word="the",
        rare_word=hubs.names["typical_person"],
    )


def small_graph(args: argparse.Namespace, tmp: Path) -> dict[str, Result]:
    config = embedded_config(tmp / "small", heap=args.heap)
    with embedded_server(config), service(config, tmp / "uvicorn-small.log") as url:
        with httpx.Client(base_url=url, timeout=60) as client:
            documents = load_gold(client, args.corpus, writer_key(config))
            targets = small_targets(client)
        print(f"small graph: {documents} dev-corpus documents", flush=True)
        return run_calls(url, targets, args.runs, args.budget_s, args.only, "small")


def _label(relations: int) -> str:
    return f"{relations // 1_000_000}M" if relations % 1_000_000 == 0 else f"{relations // 1000}k"


def _peak_kib(pid: int) -> int:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM")))


def load_graph(
    args: argparse.Namespace, tmp: Path, relations: int
) -> tuple[EmbeddedConfig, Hubs, str]:
    """A fresh synthetic graph of `relations` relations loaded by the project's writer, or,
    with `--keep DIR`, the one an earlier run loaded into DIR/<size> (generating and loading
    1M relations takes longer than measuring them)."""
    label = _label(relations)
    kept = args.keep / label if args.keep else None
    data_dir = kept or tmp / label
    config = embedded_config(data_dir, heap=args.heap, command_timeout_ms=300_000)
    if kept is not None and (kept / "hubs.json").exists():
        saved = json.loads((kept / "hubs.json").read_text())
        print(f"[{label}] reusing the graph loaded into {kept}", flush=True)
        return config, Hubs(**saved["hubs"]), saved["shape"]
    if kept is not None and kept.exists():
        raise SystemExit(f"{kept} holds a graph whose load did not finish; remove it")
    started = time.monotonic()
    synthetic = build(max(200, relations // 10), scale=relations / 202_000)
    generated = time.monotonic() - started
    with embedded_server(config) as server:
        graph_config = server.graph_config(write_timeout_s=300)
        started = time.monotonic()
        with Graph.connect(graph_config) as graph:
            apply_schema(graph)
            results = write_documents(
                graph, synthetic.documents, max_documents=args.batch_documents
            )
            stats = read_stats(graph)
        loaded = time.monotonic() - started
    mentions = sum(r.entities for r in results if isinstance(r, LoadReport))
    total = sum(stats.relations.values())
    shape = (
        f"{stats.documents.total:,} documents, {stats.nodes['Entity']:,} entities, "
        f"{total:,} relations, {mentions:,} MENTIONS; generated in {generated:.0f} s, "
        f"loaded in {loaded:.0f} s ({total / loaded:,.0f} rel/s)"
    )
    if kept is not None:
        saved = {"hubs": dataclasses.asdict(synthetic.hubs), "shape": shape}
        (kept / "hubs.json").write_text(json.dumps(saved, indent=1))
    return config, synthetic.hubs, shape


def large_graph(
    args: argparse.Namespace, tmp: Path, relations: int
) -> tuple[dict[str, Result], str]:
    label = _label(relations)
    config, hubs, shape = load_graph(args, tmp, relations)
    print(f"[{label}] graph: {shape}", flush=True)
    with embedded_server(config):
        pids: list[int] = []
        # Its start-up checks read the whole graph once (minutes at 1M relations).
        with service(config, tmp / f"uvicorn-{label}.log", wait_s=900, pids=pids) as url:
            with httpx.Client(base_url=url, timeout=60) as client:
                targets = large_targets(hubs, client)
            peaks: list[int] = []
            with contextlib.ExitStack() as stack:
                before = None
                if args.before_tree:
                    # The code before, over the same graph, in the same run, call by call
                    # beside this code (`--before-tree`: a checkout of the earlier commit).
                    before_url = stack.enter_context(
                        service(
                            config,
                            tmp / f"uvicorn-{label}-before.log",
                            wait_s=900,
                            cwd=args.before_tree,
                        )
                    )
                    args.before_results[label] = {}
                    before = (f"{label} before", before_url, args.before_results[label])
                measured = run_calls(
                    url,
                    targets,
                    args.runs,
                    args.budget_s,
                    args.only,
                    label,
                    before_export=lambda: peaks.append(_peak_kib(pids[0])),
                    before=before,
                )
            if peaks:
                shape += (
                    f"; service peak memory {peaks[0] / 1024:,.0f} MiB before the whole-graph "
                    f"exports, {_peak_kib(pids[0]) / 1024:,.0f} MiB after them"
                )
            return measured, shape


def _cell(result: dict[str, object] | None) -> str:
    if result is None:
        return f"{'':>8} | {'':>8}"
    bad = {k: v for k, v in dict(result["statuses"]).items() if k != "200"}  # type: ignore[call-overload]
    mark = "*" if bad else " "
    return f"{result['median_ms']:7.0f}{mark} | {result['p95_ms']:8.0f}"


def print_table(
    now: dict[str, dict[str, Result]],
    before: dict[str, dict[str, dict[str, object]]],
) -> None:
    """One column pair (p50 | p95) per graph, in the order measured; an earlier run's
    figures beside each graph it also measured."""
    as_dict = {g: {k: vars(v) for k, v in rs.items()} for g, rs in now.items()}
    names = list(dict.fromkeys(n for rs in as_dict.values() for n in rs))
    cols = []
    for g, figures in as_dict.items():
        if before.get(g):
            cols.append((g, "before", before[g]))
        cols.append((g, "now" if before else "", figures))
    head = " | ".join(f"{g} {w} p50 | p95".replace("  ", " ") for g, w, _ in cols)
    print(f"\n| {'endpoint':<40} | {head} |")
    print(f"|{'-' * 42}|" + "|".join("---------:|---------:" for _ in cols) + "|")
    for name in names:
        cells = " | ".join(_cell(c.get(name)) for _, _, c in cols)  # type: ignore[arg-type]
        print(f"| {name:<40} | {cells} |")
    print(
        "\nms; * = some calls did not answer 200 (504 = stopped at the time budget); "
        "see the per-call lines above for status counts and answer sizes."
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument(
        "--budget-s",
        type=float,
        default=45.0,
        help="stop measuring an endpoint after this long (3 runs at least)",
    )
    parser.add_argument(
        "--relations",
        type=lambda s: [int(x) for x in s.split(",") if x],
        default=[20_000, 1_000_000],
        help="sizes of the synthetic graphs, in relations",
    )
    parser.add_argument(
        "--batch-documents",
        type=int,
        default=1_000,
        help="documents per write batch (the writer's default is 200, sized for ingest; "
        "1,000 loaded 20k relations in 63 s instead of 82)",
    )
    parser.add_argument("--heap", default="1g", help="the embedded server's heap (as shipped)")
    parser.add_argument("--dev", action="store_true", help="also the dev corpus, first")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "dev")
    parser.add_argument("--only", type=lambda s: [x for x in s.split(",") if x], default=[])
    parser.add_argument(
        "--keep",
        type=Path,
        help="load each graph into DIR/<size> and keep it; a later run with the same DIR "
        "measures the kept graph instead of loading it again",
    )
    parser.add_argument(
        "--before-tree",
        type=Path,
        help="a checkout of earlier code (git worktree or archive): each graph is also served "
        "by it, in the same run, the two services taking turns call by call, and its figures "
        "printed beside",
    )
    parser.add_argument("--save", type=Path, help="write this run's figures as JSON")
    parser.add_argument("--baseline", type=Path, help="an earlier --save to print beside")
    args = parser.parse_args()
    args.before_results = {}
    results: dict[str, dict[str, Result]] = {}
    shapes: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="bench-api-scale-") as tmp:
        if args.dev:
            if not args.corpus.is_dir():
                raise SystemExit(f"no corpus at {args.corpus}; pass --corpus")
            results["dev"] = small_graph(args, Path(tmp))
        for relations in args.relations:
            label = _label(relations)
            results[label], shapes[label] = large_graph(args, Path(tmp), relations)
    before = json.loads(args.baseline.read_text()) if args.baseline else {}
    if args.before_results:
        before = {
            "results": {
                g: {k: vars(v) for k, v in rs.items()} for g, rs in args.before_results.items()
            }
        }
    print()
    for label, shape in shapes.items():
        print(f"{label} graph: {shape}")
    print_table(results, before.get("results", {}))
    if args.save:
        args.save.write_text(
            json.dumps(
                {
                    "shapes": shapes,
                    "results": {
                        g: {k: vars(v) for k, v in rs.items()} for g, rs in results.items()
                    },
                },
                indent=1,
            )
        )


if __name__ == "__main__":
    main()
