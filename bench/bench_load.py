"""Loading speed: documents and relations per second into a fresh embedded graph.

Side by side in one run: the project's writer (one transaction per document, one UNWIND per
statement and label set) against the same statements sent one row per round trip. The corpus
is synthetic FORMAT.md documents drawn from a shared pool of names, so entities and relations
recur across documents the way they do in news.

    .venv/bin/python bench/bench_load.py [--documents 400]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.harness import embedded_config, embedded_server  # noqa: E402
from graph_schema.graph import Graph, Tx  # noqa: E402
from graph_schema.schema import apply_schema  # noqa: E402
from graph_schema.statement import Statement  # noqa: E402
from graph_schema.statements import writes as w  # noqa: E402
from loaders.models import ExtractedDocument  # noqa: E402
from loaders.resolve import GraphDocument, resolve  # noqa: E402
from loaders.write import entity_params, relation_params, write_document  # noqa: E402

WIPE = Statement("WIPE", "MATCH (n) DETACH DELETE n", writes=True)
PEOPLE = [f"Official {i}" for i in range(150)]
COMPANIES = [f"Company {i} Motors" for i in range(120)]
CITIES = [f"City {i}" for i in range(80)]


def synthetic_document(rng: random.Random, number: int) -> ExtractedDocument:
    person, company, city = rng.choice(PEOPLE), rng.choice(COMPANIES), rng.choice(CITIES)
    sentences = [
        f"{person} visited {company} on day {number}.",
        f"{company} plans a plant in {city}.",
    ]
    entities = [
        {"id": "p", "type": "Person", "subtype": "official", "name": person, "aliases": [person]},
        {
            "id": "c",
            "type": "Organization",
            "subtype": "company",
            "name": company,
            "aliases": [company],
        },
        {"id": "l", "type": "Location", "subtype": "city", "name": city, "aliases": [city]},
        {"id": "t", "type": "Plant", "name": f"{company} plant in {city}", "aliases": ["plant"]},
    ]
    relations = [
        {"type": "VISITED", "source": "p", "target": "c", "evidence": sentences[0]},
        {"type": "PLANS", "source": "c", "target": "t", "evidence": sentences[1]},
        {"type": "LOCATED_IN", "source": "t", "target": "l", "evidence": sentences[1]},
    ]
    for extra in range(rng.randint(2, 8)):  # more people met, as news lists participants
        other = rng.choice(PEOPLE)
        if other != person:
            entities.append(
                {
                    "id": f"x{extra}",
                    "type": "Person",
                    "subtype": "official",
                    "name": other,
                    "aliases": [other],
                }
            )
            relations.append(
                {"type": "MET_WITH", "source": "p", "target": f"x{extra}", "evidence": sentences[0]}
            )
    return ExtractedDocument.model_validate(
        {
            "lang": "en",
            "text": " ".join(sentences),
            "published": f"2024-{1 + number % 12:02}-01",
            "entities": entities,
            "relations": relations,
        }
    )


def write_row_by_row(graph: Graph, gdoc: GraphDocument) -> None:
    """The baseline: the same statements, one row per round trip."""
    doc = gdoc.document

    def work(tx: Tx) -> None:
        if tx.run(w.DOCUMENT_EXISTS, id=doc.id).records:
            return
        tx.run(w.CREATE_DOCUMENT, doc=doc.__dict__)
        for row in gdoc.entities:
            tx.run(w.CREATE_MISSING_ENTITIES[row.labels], rows=[entity_params(row)])
            tx.run(w.UPDATE_ENTITIES, rows=[entity_params(row)], doc_id=doc.id)
        for rel in gdoc.relations:
            tx.run(w.MERGE_RELATIONS[rel.type], rows=[relation_params(rel)], doc_id=doc.id)

    graph.write(work)


def timed(
    graph: Graph, docs: list[GraphDocument], writer: Callable[[Graph, GraphDocument], object]
) -> float:
    graph.write(lambda tx: tx.run(WIPE))
    start = time.perf_counter()
    for gdoc in docs:
        writer(graph, gdoc)
    return time.perf_counter() - start


def alternating(graph: Graph, docs: list[GraphDocument], rounds: int) -> tuple[float, float]:
    """Median seconds of each writer, taking turns so that load on the machine hits both."""
    batched: list[float] = []
    single: list[float] = []
    for round_ in range(rounds):
        order = [(batched, write_document), (single, write_row_by_row)]
        for times, writer in order if round_ % 2 == 0 else reversed(order):
            times.append(timed(graph, docs, writer))
    return statistics.median(batched), statistics.median(single)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=3, help="loads per writer; medians shown")
    args = parser.parse_args()
    rng = random.Random(7)
    docs = [resolve(synthetic_document(rng, i)) for i in range(args.documents)]
    rows = sum(len(d.entities) + len(d.relations) for d in docs)
    rels = sum(len(d.relations) for d in docs)
    with (
        tempfile.TemporaryDirectory() as tmp,
        embedded_server(embedded_config(Path(tmp))) as server,
        Graph.connect(server.graph_config()) as graph,
    ):
        apply_schema(graph)
        timed(graph, docs[:20], write_document)  # warm-up: JIT, pools
        batched, single = alternating(graph, docs, args.rounds)
    print(
        f"\nLoading {len(docs)} documents ({rows} entity and relation rows, {rels} relations)"
        " into embedded ArcadeDB, one transaction per document; median of"
        f" {args.rounds} loads per writer, taking turns\n"
    )
    print(f"{'writer':34} {'seconds':>8} {'docs/s':>8} {'rels/s':>8}")
    for name, seconds in (
        ("UNWIND batches (project writer)", batched),
        ("one row per round trip", single),
    ):
        print(f"{name:34} {seconds:8.2f} {len(docs) / seconds:8.1f} {rels / seconds:8.1f}")
    print(f"\nbatched is {single / batched:.2f}x the speed of row by row")


if __name__ == "__main__":
    main()
