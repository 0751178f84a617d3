"""Cross-document resolution, measured: each gold corpus loaded into a fresh graph twice, once
through the extractor (the gold files' texts, extracted) and once from the gold files
themselves, then scored by ../shared/eval/score_graph.py over HTTP: pairwise precision, recall
and F1 of "same node" against the gold entities' `ref`, per type, and the things told of by two
or more documents kept on exactly one node.

    python bench/eval_resolution.py [GOLD_DIR ...]   (make eval: the dev and news corpora)

Every run starts its own embedded graph server on free ports with a data dir of its own, loads
with `kg ingest`, serves with uvicorn, and stops both; without ../shared it says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from harness import ROOT, embedded_config, embedded_server, service

SHARED = Path(os.environ.get("KG_SHARED_DIR", ROOT.parent / "shared"))
SCORE_GRAPH = SHARED / "eval" / "score_graph.py"
DEFAULT_CORPORA = (SHARED / "corpus" / "dev", ROOT / "corpus" / "news")
TYPES = ("Person", "Organization", "Location", "Location (not country)", "Plant")
COLUMNS = ("Person", "Org", "Loc", "LocNC", "Plant")
KG = Path(sys.executable).parent / "kg"


def texts_of(gold: Path, out: Path) -> Path:
    """The gold documents' texts and metadata as .jsonl lines, for the extractor."""
    lines = []
    for path in sorted(gold.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        keep = {k: doc.get(k) for k in ("text", "url", "title", "published", "lang")}
        lines.append(json.dumps(keep, ensure_ascii=False))
    target = out / f"{gold.name}-texts.jsonl"
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


def measure(gold: Path, source: Path, work: Path, mentions: bool = False) -> dict[str, Any]:
    """Load `source` into a fresh graph and score it against `gold` (with every gold mention
    and the node it was given, when `mentions`)."""
    data = Path(tempfile.mkdtemp(prefix="graph-", dir=work))
    config = embedded_config(data, heap="768m")
    env = {
        **os.environ,
        "KG_DATA_DIR": str(data),
        "KG_BOLT_PORT": str(config.bolt_port),
        "KG_ARCADEDB_HTTP_PORT": str(config.http_port),
        "KG_LOG_LEVEL": "WARNING",
    }
    with embedded_server(config):
        loaded = subprocess.run(
            [str(KG), "ingest", str(source)], env=env, capture_output=True, text=True, cwd=ROOT
        )
        if loaded.returncode not in (0, 1):  # 1: some article failed, the rest is loaded
            raise RuntimeError(f"kg ingest {source} failed: {loaded.stderr[-2000:]}")
        with service(config, work / f"serve-{data.name}.log") as url:
            scored = subprocess.run(
                [sys.executable, str(SCORE_GRAPH), str(gold), url, "--json"]
                + (["--mentions"] if mentions else []),
                capture_output=True,
                text=True,
            )
    if scored.returncode != 0:
        raise RuntimeError(f"score_graph.py on {gold}: {scored.stderr[-2000:]}")
    return json.loads(scored.stdout)


def report(label: str, result: dict[str, Any]) -> str:
    scores = result["scores"]
    cells = "  ".join(
        f"{scores[t]['f1']:>6.3f}" if scores[t].get("gold_pairs") else f"{'–':>6}" for t in TYPES
    )
    kept = f"{result['refs_resolved_exactly']}/{result['refs_in_2plus_documents']}"
    mixed = result["nodes_merging_refs_across_documents"]
    return f"{label:20} {cells}  {kept:>9}  {mixed:>5}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", nargs="*", type=Path, help="gold folders (FORMAT.md .json)")
    parser.add_argument(
        "--details",
        type=Path,
        help="write each scorer answer, with every gold mention's node, to DIR/<corpus>-<how>.json",
    )
    args = parser.parse_args(argv)
    corpora = list(args.gold) or list(DEFAULT_CORPORA)
    if not SCORE_GRAPH.is_file():
        print(f"resolution not measured: no scorer at {SCORE_GRAPH} (../shared is missing)")
        return 0
    missing = [c for c in corpora if not c.is_dir()]
    if missing:
        print(f"resolution not measured for {', '.join(map(str, missing))}: no such folder")
        corpora = [c for c in corpora if c.is_dir()]
    header = "  ".join(f"{c:>6}" for c in COLUMNS)
    print(f"{'pairwise F1':20} {header}  {'one node':>9}  {'mixed':>5}")
    with tempfile.TemporaryDirectory(prefix="kg-eval-resolution-") as tmp:
        work = Path(tmp)
        for gold in corpora:
            details = args.details is not None
            through = measure(gold, texts_of(gold, work), work, details)
            print(report(f"{gold.name}, extractor", through), flush=True)
            direct = measure(gold, gold, work, details)
            print(report(f"{gold.name}, gold files", direct), flush=True)
            if args.details is not None:
                args.details.mkdir(parents=True, exist_ok=True)
                for how, result in (("extractor", through), ("gold", direct)):
                    target = args.details / f"{gold.name}-{how}.json"
                    target.write_text(json.dumps(result, ensure_ascii=False, indent=1))
    print(
        "(F1 of 'same node' over pairs of mentions in different documents; one node: things "
        "told of by 2+ documents kept whole on one node; mixed: nodes holding 2+ things across "
        "documents; –: no such pair in the gold)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
